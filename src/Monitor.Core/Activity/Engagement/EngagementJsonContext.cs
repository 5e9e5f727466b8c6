using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Core.Activity.Reports;

namespace Monitor.Core.Activity.Engagement;

/// <summary>The engagement report's JSON: the shape of <see cref="ReportJsonContext"/> (camelCase, UTC instants, indented, readable names).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    Converters = [typeof(UtcInstantJsonConverter)])]
[JsonSerializable(typeof(EngagementReport))]
public sealed partial class EngagementJsonContext : JsonSerializerContext
{
    /// <summary>Created on first use, as <see cref="ReportJsonContext.Readable"/>.</summary>
    public static EngagementJsonContext Readable => readable ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static EngagementJsonContext? readable;
}
