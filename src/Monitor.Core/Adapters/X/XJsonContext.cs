using System.Text.Json.Serialization;

namespace Monitor.Core.Adapters.X;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(XUserResponse))]
[JsonSerializable(typeof(XPostsResponse))]
[JsonSerializable(typeof(XProblem))]
internal sealed partial class XJsonContext : JsonSerializerContext;
