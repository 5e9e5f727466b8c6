using System.Text.Json;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using static Monitor.Core.Export.RecordExporter;

namespace Monitor.Core.Export;

/// <summary>
/// Writes post versions and deletion episodes as JSON Lines or CSV, in the formats of <see cref="RecordExporter"/>.
/// In CSV a version's <c>media</c> is one cell holding a JSON array of URLs, as <c>export posts</c> writes its lists.
/// </summary>
public static class HistoryExporter
{
    public static readonly string[] VersionFields =
    [
        "platform", "accountId", "postId", "version", "reason", "capturedAt", "contentHash", "title", "text", "url", "media", "captureId",
    ];

    public static readonly string[] DeletionFields =
    [
        "platform", "accountId", "postId", "url", "publishedAt", "deletedAt", "evidence", "lifetimeSeconds", "restoredAt", "lastTitle", "lastText",
    ];

    /// <summary>Writes versions; returns how many.</summary>
    public static Task<long> WriteVersionsAsync(IAsyncEnumerable<PostVersion> versions, ExportFormat format, TextWriter output, CancellationToken cancellationToken) =>
        format == ExportFormat.Csv
            ? WriteCsvAsync(versions, VersionFields, VersionValues, output, cancellationToken)
            : WriteJsonLinesAsync(versions, WriteVersionJson, output, cancellationToken);

    /// <summary>Writes deletion episodes; returns how many.</summary>
    public static Task<long> WriteDeletionsAsync(IEnumerable<DeletionRow> deletions, ExportFormat format, TextWriter output, CancellationToken cancellationToken) =>
        format == ExportFormat.Csv
            ? WriteCsvAsync(deletions.ToAsyncEnumerable(), DeletionFields, DeletionValues, output, cancellationToken)
            : WriteJsonLinesAsync(deletions.ToAsyncEnumerable(), WriteDeletionJson, output, cancellationToken);

    private static void WriteVersionJson(Utf8JsonWriter json, PostVersion version)
    {
        json.WriteStartObject();
        json.WriteString("platform", version.Platform);
        json.WriteString("accountId", version.AccountId);
        json.WriteString("postId", version.PostId);
        json.WriteNumber("version", version.Version);
        json.WriteString("reason", version.Reason.ToWireName());
        json.WriteString("capturedAt", Iso(version.CapturedAt));
        json.WriteString("contentHash", version.ContentHash);
        json.WriteString("title", version.Title);
        json.WriteString("text", version.Text);
        json.WriteString("url", version.Url);
        json.WriteStartArray("media");
        foreach (var link in version.Media)
        {
            json.WriteStringValue(link);
        }

        json.WriteEndArray();
        json.WriteString("captureId", version.CaptureId);
        json.WriteEndObject();
    }

    private static void WriteDeletionJson(Utf8JsonWriter json, DeletionRow row)
    {
        var episode = row.Episode;
        json.WriteStartObject();
        json.WriteString("platform", episode.Platform);
        json.WriteString("accountId", episode.AccountId);
        json.WriteString("postId", episode.PostId);
        json.WriteString("url", episode.Url);
        json.WriteString("publishedAt", Iso(row.PublishedAt));
        json.WriteString("deletedAt", Iso(episode.DeletedAt));
        json.WriteString("evidence", episode.Evidence?.ToWireName());
        WriteNumber(json, "lifetimeSeconds", row.LifetimeSeconds);
        json.WriteString("restoredAt", Iso(episode.RestoredAt));
        json.WriteString("lastTitle", episode.LastTitle);
        json.WriteString("lastText", episode.LastText);
        json.WriteEndObject();
    }

    private static object?[] VersionValues(PostVersion v) =>
    [
        v.Platform, v.AccountId, v.PostId, v.Version, v.Reason.ToWireName(), Iso(v.CapturedAt), v.ContentHash, v.Title, v.Text, v.Url,
        ListCell(v.Media), v.CaptureId,
    ];

    private static object?[] DeletionValues(DeletionRow row) =>
    [
        row.Episode.Platform, row.Episode.AccountId, row.Episode.PostId, row.Episode.Url, Iso(row.PublishedAt), Iso(row.Episode.DeletedAt),
        row.Episode.Evidence?.ToWireName(), row.LifetimeSeconds, Iso(row.Episode.RestoredAt), row.Episode.LastTitle, row.Episode.LastText,
    ];
}
