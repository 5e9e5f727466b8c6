using System.Text.Json.Serialization;

namespace Monitor.Core.Adapters.YouTube;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(YouTubeChannelList))]
[JsonSerializable(typeof(YouTubePlaylistItemList))]
[JsonSerializable(typeof(YouTubeVideoList))]
[JsonSerializable(typeof(YouTubeErrorResponse))]
internal sealed partial class YouTubeJsonContext : JsonSerializerContext;
