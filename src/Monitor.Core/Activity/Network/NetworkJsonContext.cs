using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Core.Activity.Reports;

namespace Monitor.Core.Activity.Network;

/// <summary>The JSON shape of the entity reports: as every report (<see cref="ReportJsonContext"/>), camelCase and indented.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(MentionsReport))]
[JsonSerializable(typeof(EntityReport))]
internal sealed partial class NetworkJsonContext : JsonSerializerContext
{
    /// <summary>Names such as "Auswärtiges Amt" and hashtags in any script stay readable (no \u escapes).</summary>
    public static NetworkJsonContext Readable => readable ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static NetworkJsonContext? readable;
}
