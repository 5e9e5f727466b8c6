using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Core.Activity.Reports;

namespace Monitor.Core.Activity.Study;

/// <summary>The study's JSON: camelCase, indented, instants ISO 8601 UTC, days <c>yyyy-MM-dd</c>, null = unknown.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    Converters = [typeof(UtcInstantJsonConverter)])]
[JsonSerializable(typeof(StudyReport))]
public sealed partial class StudyJsonContext : JsonSerializerContext
{
    /// <summary>Names such as "Côte d'Ivoire" stay readable (no \u escapes).</summary>
    public static StudyJsonContext Readable => readable ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static StudyJsonContext? readable;
}
