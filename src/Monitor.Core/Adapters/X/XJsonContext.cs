using System.Text.Json.Serialization;

namespace Monitor.Core.Adapters.X;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(XUserResponse))]
[JsonSerializable(typeof(XPostsResponse))]
[JsonSerializable(typeof(XProblem))]
[JsonSerializable(typeof(XCursor))]
internal sealed partial class XJsonContext : JsonSerializerContext;
