using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Monitor.Core.Adapters;
using Monitor.Core.Entities;
using Monitor.Core.Posts;

namespace Monitor.Core.Export;

/// <summary>
/// Writes posts and snapshots as JSON Lines or CSV while streaming them from the store (constant memory).
/// Field names and order are a stable format for analysts; see the README.
/// </summary>
public static class RecordExporter
{
    public static readonly string[] PostFields =
    [
        "platform", "accountId", "postId", "url", "publishedAt", "publishedAtEstimated", "kind", "title", "text", "language",
        "languageDetected", "firstSeenAt", "lastSeenAt", "editedAt", "deletedAt", "replies", "reposts", "likes", "views",
        "quotes", "media", "hashtags", "mentions", "links",
    ];

    /// <summary>Text as it is (no <c>\u</c> escapes for non-ASCII or HTML characters): exports are data, never embedded in a page.</summary>
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly string[] SnapshotFields =
    [
        "accountId", "platform", "capturedAt", "status", "httpStatus", "newPosts", "seenPosts", "followers", "following",
        "postsTotal", "latestPostAt", "durationMs", "error",
    ];

    /// <summary>Writes posts; returns how many.</summary>
    public static Task<long> WritePostsAsync(IAsyncEnumerable<StoredPost> posts, ExportFormat format, TextWriter output, CancellationToken cancellationToken) =>
        format == ExportFormat.Csv
            ? WriteCsvAsync(posts, PostFields, PostValues, output, cancellationToken)
            : WriteJsonLinesAsync(posts, WritePostJson, output, cancellationToken);

    /// <summary>Writes snapshots; returns how many.</summary>
    public static Task<long> WriteSnapshotsAsync(IAsyncEnumerable<ActivitySnapshot> snapshots, ExportFormat format, TextWriter output, CancellationToken cancellationToken) =>
        format == ExportFormat.Csv
            ? WriteCsvAsync(snapshots, SnapshotFields, SnapshotValues, output, cancellationToken)
            : WriteJsonLinesAsync(snapshots, WriteSnapshotJson, output, cancellationToken);

    internal static async Task<long> WriteJsonLinesAsync<T>(IAsyncEnumerable<T> records, Action<Utf8JsonWriter, T> write, TextWriter output, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        await using var json = new Utf8JsonWriter(buffer, JsonOptions);
        long count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            write(json, record);
            json.Flush();
            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan).AsMemory(), cancellationToken);
            count++;
        }

        await output.FlushAsync(cancellationToken);
        return count;
    }

    private static void WritePostJson(Utf8JsonWriter json, StoredPost stored)
    {
        var post = stored.Post;
        json.WriteStartObject();
        json.WriteString("platform", stored.Platform);
        json.WriteString("accountId", stored.AccountId);
        json.WriteString("postId", post.PostId);
        json.WriteString("url", post.Url);
        json.WriteString("publishedAt", Iso(post.PublishedAt));
        json.WriteBoolean("publishedAtEstimated", post.PublishedAtEstimated);
        json.WriteString("kind", post.Kind.ToWireName());
        json.WriteString("title", post.Title);
        json.WriteString("text", post.Text);
        json.WriteString("language", post.Language);
        json.WriteBoolean("languageDetected", post.LanguageDetected);
        json.WriteString("firstSeenAt", Iso(stored.FirstSeenAt));
        json.WriteString("lastSeenAt", Iso(stored.LastSeenAt));
        json.WriteString("editedAt", Iso(stored.EditedAt));
        json.WriteString("deletedAt", Iso(stored.DeletedAt));
        if (post.Metrics is { } metrics)
        {
            json.WriteStartObject("metrics");
            WriteNumber(json, "replies", metrics.Replies);
            WriteNumber(json, "reposts", metrics.Reposts);
            WriteNumber(json, "likes", metrics.Likes);
            WriteNumber(json, "views", metrics.Views);
            WriteNumber(json, "quotes", metrics.Quotes);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("metrics");
        }

        WriteList(json, "media", post.Media);
        WriteList(json, "hashtags", StoredEntities.Values(stored.Entities, EntityType.Hashtag));
        WriteList(json, "mentions", StoredEntities.Values(stored.Entities, EntityType.Mention));
        WriteList(json, "links", StoredEntities.Values(stored.Entities, EntityType.Link));
        json.WriteEndObject();
    }

    private static void WriteSnapshotJson(Utf8JsonWriter json, ActivitySnapshot snapshot)
    {
        json.WriteStartObject();
        json.WriteString("accountId", snapshot.AccountId);
        json.WriteString("platform", snapshot.Platform);
        json.WriteString("capturedAt", Iso(snapshot.CapturedAt));
        json.WriteString("status", snapshot.Status.ToWireName());
        WriteNumber(json, "httpStatus", snapshot.HttpStatus);
        json.WriteNumber("newPosts", snapshot.NewPosts);
        json.WriteNumber("seenPosts", snapshot.SeenPosts);
        WriteNumber(json, "followers", snapshot.Followers);
        WriteNumber(json, "following", snapshot.Following);
        WriteNumber(json, "postsTotal", snapshot.PostsTotal);
        json.WriteString("latestPostAt", Iso(snapshot.LatestPostAt));
        json.WriteNumber("durationMs", snapshot.DurationMs);
        json.WriteString("error", snapshot.Error);
        json.WriteEndObject();
    }

    private static object?[] PostValues(StoredPost stored) =>
    [
        stored.Platform, stored.AccountId, stored.Post.PostId, stored.Post.Url, Iso(stored.Post.PublishedAt),
        stored.Post.PublishedAtEstimated ? "true" : "false", stored.Post.Kind.ToWireName(), stored.Post.Title, stored.Post.Text,
        stored.Post.Language, stored.Post.LanguageDetected ? "true" : "false", Iso(stored.FirstSeenAt), Iso(stored.LastSeenAt), Iso(stored.EditedAt), Iso(stored.DeletedAt),
        stored.Post.Metrics?.Replies, stored.Post.Metrics?.Reposts, stored.Post.Metrics?.Likes, stored.Post.Metrics?.Views,
        stored.Post.Metrics?.Quotes, ListCell(stored.Post.Media), ListCell(StoredEntities.Values(stored.Entities, EntityType.Hashtag)),
        ListCell(StoredEntities.Values(stored.Entities, EntityType.Mention)), ListCell(StoredEntities.Values(stored.Entities, EntityType.Link)),
    ];

    /// <summary>
    /// A list in one CSV cell: a JSON array of strings (<c>[]</c> when none), lossless whatever the values hold; the cell
    /// starts with <c>[</c>, so the formula guard never changes it.
    /// </summary>
    internal static string ListCell(IReadOnlyList<string> values)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            WriteList(json, null, values);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteList(Utf8JsonWriter json, string? name, IReadOnlyList<string> values)
    {
        if (name is null) json.WriteStartArray();
        else json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static object?[] SnapshotValues(ActivitySnapshot s) =>
    [
        s.AccountId, s.Platform, Iso(s.CapturedAt), s.Status.ToWireName(), s.HttpStatus, s.NewPosts, s.SeenPosts,
        s.Followers, s.Following, s.PostsTotal, Iso(s.LatestPostAt), s.DurationMs, s.Error,
    ];

    internal static async Task<long> WriteCsvAsync<T>(IAsyncEnumerable<T> records, string[] header, Func<T, object?[]> values, TextWriter output, CancellationToken cancellationToken)
    {
        await using var csv = new CsvWriter(output, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var name in header)
        {
            csv.WriteField(name);
        }

        await csv.NextRecordAsync();
        long count = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            foreach (var value in values(record))
            {
                csv.WriteField(CsvFormulaGuard.Escape(value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value?.ToString()));
            }

            await csv.NextRecordAsync();
            count++;
        }

        await csv.FlushAsync();
        return count;
    }

    internal static void WriteNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number) json.WriteNumber(name, number);
        else json.WriteNull(name);
    }

    /// <summary>ISO 8601 in UTC with milliseconds and a Z, e.g. <c>2026-11-28T10:00:00.000Z</c>.</summary>
    public static string? Iso(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
