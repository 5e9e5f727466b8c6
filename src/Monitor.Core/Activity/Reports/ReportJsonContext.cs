using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Activity.Reports;

/// <summary>The JSON shape of every report: camelCase names, instants as ISO 8601 UTC (<c>2026-04-10T13:00:00Z</c>), indented.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    Converters = [typeof(UtcInstantJsonConverter)])]
[JsonSerializable(typeof(AccountActivity))]
[JsonSerializable(typeof(IReadOnlyList<AccountActivity>))]
[JsonSerializable(typeof(PresenceReport))]
[JsonSerializable(typeof(IReadOnlyList<LeaderboardEntry>))]
[JsonSerializable(typeof(IReadOnlyList<DormantEntry>))]
[JsonSerializable(typeof(Languages.LanguageReport))]
public sealed partial class ReportJsonContext : JsonSerializerContext
{
    /// <summary>The context reports are written with: names such as "Auswärtiges Amt" or "Foreign &amp; Commonwealth" stay readable (no \u escapes).</summary>
    /// <remarks>Created on first use: the generated <c>Default</c> is not initialised yet while static fields of this file are.</remarks>
    public static ReportJsonContext Readable => readable ??= new(new JsonSerializerOptions(Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static ReportJsonContext? readable;
}

/// <summary>Writes instants in UTC with a <c>Z</c> suffix, as the report formats document; reads any ISO 8601 offset.</summary>
internal sealed class UtcInstantJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime);
}
