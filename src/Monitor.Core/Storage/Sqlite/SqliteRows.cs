using Microsoft.Data.Sqlite;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Entities;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>Column lists and row mappers of the three tables; each SELECT uses the matching column list.</summary>
internal static class SqliteRows
{
    public const string AccountColumns =
        "id, platform, handle, country, actor, name, language, enabled, last_poll_at, next_poll_at, last_success_at, " +
        "consecutive_failures, last_status, last_error, cursor_etag, cursor_last_modified, cursor_position, " +
        "cursor_external_id, lease_owner, lease_expires_at, lease_epoch";

    public const string PostColumns =
        "platform, account_id, post_id, url, published_at, published_at_estimated, kind, title, text, language, author, " +
        "replies, reposts, likes, views, source_updated_at, first_seen_at, last_seen_at, edited_at, deleted_at, media, quotes, language_detected, " +
        "(SELECT json_group_array(json_array(type, value, platform_id)) FROM post_entities WHERE post_rowid = posts.id)";

    public const string SnapshotColumns =
        "account_id, platform, captured_at, status, http_status, new_posts, seen_posts, followers, following, " +
        "posts_total, latest_post_at, duration_ms, error, notes";

    public const string VersionColumns =
        "platform, account_id, post_id, version, reason, captured_at, content_hash, title, text, url, media, capture_id, evidence";

    public static PostVersion ReadVersion(SqliteDataReader row)
    {
        var media = row.GetStringOrNull(10);
        var evidence = row.GetStringOrNull(12);
        return new PostVersion(
            row.GetString(0), row.GetString(1), row.GetString(2), row.GetInt32(3), VersionReasonNames.Parse(row.GetString(4)),
            row.GetTime(5), row.GetString(6), row.GetStringOrNull(7), row.GetStringOrNull(8), row.GetStringOrNull(9),
            ReadMedia(media),
            row.GetStringOrNull(11), evidence is null ? null : DeletionEvidenceNames.Parse(evidence));
    }

    /// <summary>A media column: a JSON array of URLs, NULL (stored before media were kept) as none.</summary>
    public static IReadOnlyList<string> ReadMedia(string? json) =>
        json is null ? [] : System.Text.Json.JsonSerializer.Deserialize(json, SqliteJsonContext.Default.StringArray) ?? [];

    /// <summary>The media column's value: always an array, <c>[]</c> when none.</summary>
    public static string WriteMedia(IReadOnlyList<string> media) =>
        System.Text.Json.JsonSerializer.Serialize(media as string[] ?? media.ToArray(), SqliteJsonContext.Default.StringArray);

    public static AccountRecord ReadAccount(SqliteDataReader row)
    {
        var account = new TrackedAccount(
            row.GetString(0),
            row.GetString(1),
            row.GetString(2),
            row.GetString(3),
            Enum.Parse<ActorType>(row.GetString(4)),
            row.GetStringOrNull(5),
            row.GetStringOrNull(6),
            row.GetInt64(7) != 0);
        var lastStatus = row.GetStringOrNull(12);
        var state = new PollState(
            row.GetTimeOrNull(8),
            row.GetTimeOrNull(9),
            row.GetTimeOrNull(10),
            row.GetInt32(11),
            lastStatus is null ? null : PollStatusNames.Parse(lastStatus),
            row.GetStringOrNull(13),
            new PollCursor(row.GetStringOrNull(14), row.GetStringOrNull(15), row.GetStringOrNull(16), row.GetStringOrNull(17)));
        return new AccountRecord(account, state);
    }

    public static AccountLease ReadLease(SqliteDataReader row)
    {
        var record = ReadAccount(row);
        return new AccountLease(record.Account, record.State, row.GetString(18), row.GetTime(19), row.GetInt64(20));
    }

    public static StoredPost ReadPost(SqliteDataReader row)
    {
        var replies = row.GetInt64OrNull(11);
        var reposts = row.GetInt64OrNull(12);
        var likes = row.GetInt64OrNull(13);
        var views = row.GetInt64OrNull(14);
        var editedAt = row.GetTimeOrNull(18);
        var post = new Post
        {
            PostId = row.GetString(2),
            Url = row.GetStringOrNull(3),
            PublishedAt = row.GetTime(4),
            PublishedAtEstimated = row.GetInt64(5) != 0,
            Kind = PostKindNames.Parse(row.GetString(6)),
            Title = row.GetStringOrNull(7),
            Text = row.GetStringOrNull(8),
            Language = row.GetStringOrNull(9),
            LanguageDetected = row.GetInt64(22) != 0,
            Author = row.GetStringOrNull(10),
            Metrics = PostMetrics.Of(replies, reposts, likes, views, row.GetInt64OrNull(21)),
            UpdatedAt = row.GetTimeOrNull(15),
            EditedAt = editedAt,
            Media = ReadMedia(row.GetStringOrNull(20)),
        };
        return new StoredPost(row.GetString(0), row.GetString(1), post, row.GetTime(16), row.GetTime(17), editedAt, row.GetTimeOrNull(19))
        {
            Entities = StoredEntities.Order(ReadEntities(row.GetStringOrNull(23))),
        };
    }

    /// <summary>The entities column of <see cref="PostColumns"/>: a JSON array of <c>[type, value, platformId]</c>.</summary>
    private static IEnumerable<PostEntity> ReadEntities(string? json) =>
        json is null
            ? []
            : (System.Text.Json.JsonSerializer.Deserialize(json, SqliteJsonContext.Default.StringArrayArray) ?? [])
                .Select(e => new PostEntity(EntityTypeNames.Parse(e[0]!), e[1]!, e[2]));

    public static ActivitySnapshot ReadSnapshot(SqliteDataReader row) => new(
        row.GetString(0),
        row.GetString(1),
        row.GetTime(2),
        PollStatusNames.Parse(row.GetString(3)),
        row.IsDBNull(4) ? null : row.GetInt32(4),
        row.GetInt32(5),
        row.GetInt32(6),
        row.GetInt64OrNull(7),
        row.GetInt64OrNull(8),
        row.GetInt64OrNull(9),
        row.GetTimeOrNull(10),
        row.GetInt64(11),
        row.GetStringOrNull(12),
        row.GetStringOrNull(13));
}
