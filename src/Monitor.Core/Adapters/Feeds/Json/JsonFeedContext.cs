using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Adapters.Feeds.Json;

/// <summary>Source-generated (de)serialization of the JSON Feed wire types: snake_case names, lenient about comments and trailing commas.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(JsonFeedDocument))]
internal sealed partial class JsonFeedContext : JsonSerializerContext;
