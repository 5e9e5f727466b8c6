using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using SQLitePCL;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Writes one poll's posts, versions and deletions inside its write transaction: one batched read of the stored rows
/// the poll touches, <see cref="PostMerge"/> in C#, then inserts and updates only for rows that change, through
/// <see cref="SqliteRawStatement"/>s prepared once per poll (a post seen again unchanged only moves its last-seen time,
/// in one statement for all of them). No round trip per post beyond the writes themselves.
/// </summary>
internal sealed class SqlitePostWriter
{
    private const string Key = "platform = $platform AND account_id = $account AND post_id = $post";

    private const string StoredColumns =
        "post_id, content_hash, normaliser_version, published_at, published_at_estimated, source_updated_at, edited_at, " +
        "deleted_at, absent_checks, latest_version, url, language, author, replies, reposts, likes, views, kind, media, quotes, language_detected, id";

    private readonly WriteScope write;
    private readonly string platform;
    private readonly string accountId;
    private readonly DateTimeOffset capturedAt;
    private readonly string? captureId;
    private readonly Dictionary<string, long> rowIds = new(StringComparer.Ordinal);

    public SqlitePostWriter(WriteScope write, string platform, string accountId, DateTimeOffset capturedAt, string? captureId)
    {
        this.captureId = captureId;
        this.write = write;
        this.platform = platform;
        this.accountId = accountId;
        this.capturedAt = capturedAt;
    }

    public int Inserted { get; private set; }

    public int Edited { get; private set; }

    public int Deleted { get; private set; }

    /// <summary>
    /// Stores the poll's posts and applies its deletion evidence. With <paramref name="insertOnly"/> (the lease was
    /// lost) only posts not yet stored are inserted; stored posts and deletions are left to the lease's holder.
    /// </summary>
    public async Task WriteAsync(IReadOnlyList<Post> posts, IReadOnlyList<PostDeletion> deletions, int confirmations, bool insertOnly, CancellationToken cancellationToken)
    {
        var fetched = new Dictionary<string, Post>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            fetched.TryAdd(post.PostId, post);
        }

        var pendingDeletions = insertOnly
            ? []
            : deletions.Where(d => !fetched.ContainsKey(d.PostId)).DistinctBy(d => d.PostId, StringComparer.Ordinal).ToList();
        var stored = await ReadStoredAsync(fetched.Keys.Concat(pendingDeletions.Select(d => d.PostId)), cancellationToken);

        var writes = new List<PostWrite>();
        var touched = new List<string>();
        foreach (var post in fetched.Values)
        {
            if (!stored.TryGetValue(post.PostId, out var known))
            {
                writes.Add(PostMerge.Create(post, platform, capturedAt));
            }
            else if (!insertOnly)
            {
                var merged = PostMerge.Merge(known, post, platform, capturedAt);
                if (merged.Kind == PostWriteKind.Touch)
                {
                    touched.Add(post.PostId);
                }
                else
                {
                    writes.Add(merged);
                }
            }
        }

        await WritePostsAsync(writes, cancellationToken);
        await TouchAsync(touched, cancellationToken);
        await SqliteObservations.WriteAsync(write, platform, accountId,
            fetched.Values.Select(post => MetricObservation.Observe(post, capturedAt)).OfType<MetricObservation>(), insertOnly, cancellationToken);
        Delete(pendingDeletions, stored, confirmations, cancellationToken);
    }

    private async Task<Dictionary<string, PostMerge.Stored>> ReadStoredAsync(IEnumerable<string> ids, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, PostMerge.Stored>(StringComparer.Ordinal);
        var list = ids.ToArray();
        if (list.Length == 0)
        {
            return result;
        }

        await using var command = write.Command(
            $"SELECT {StoredColumns} FROM posts WHERE platform = $platform AND account_id = $account AND post_id IN (SELECT value FROM json_each($ids));");
        command.Bind("$platform", platform);
        command.Bind("$account", accountId);
        command.Bind("$ids", JsonSerializer.Serialize(list, SqliteJsonContext.Default.StringArray));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var replies = reader.GetInt64OrNull(13);
            var reposts = reader.GetInt64OrNull(14);
            var likes = reader.GetInt64OrNull(15);
            var views = reader.GetInt64OrNull(16);
            result[reader.GetString(0)] = new PostMerge.Stored(
                reader.GetString(1),
                reader.GetInt32(2),
                reader.GetTime(3),
                reader.GetInt64(4) != 0,
                reader.GetTimeOrNull(5),
                reader.GetTimeOrNull(6),
                reader.GetTimeOrNull(7),
                reader.GetInt32(8),
                reader.GetInt32(9),
                reader.GetStringOrNull(10),
                reader.GetStringOrNull(11),
                reader.GetStringOrNull(12),
                PostMetrics.Of(replies, reposts, likes, views, reader.GetInt64OrNull(19)),
                PostKindNames.Parse(reader.GetString(17)))
            {
                Media = SqliteRows.ReadMedia(reader.GetStringOrNull(18)),
                LanguageDetected = reader.GetInt64(20) != 0,
            };
            rowIds[reader.GetString(0)] = reader.GetInt64(21);
        }

        return result;
    }

    private async Task WritePostsAsync(List<PostWrite> writes, CancellationToken cancellationToken)
    {
        if (writes.Count == 0)
        {
            return;
        }

        WriteRows(writes, cancellationToken);
        await WriteEntitiesAsync(writes, cancellationToken);
    }

    /// <summary>Each written post's row, search row and new version, through statements prepared once for the poll.</summary>
    private void WriteRows(List<PostWrite> writes, CancellationToken cancellationToken)
    {
        using var insert = Prepare("""
            INSERT INTO posts (platform, account_id, post_id, url, published_at, published_at_estimated, kind, title, text,
                language, author, replies, reposts, likes, views, quotes, source_updated_at, content_hash, first_seen_at, last_seen_at,
                edited_at, normaliser_version, latest_version, media, language_detected)
            VALUES ($platform, $account, $post, $url, $published, $estimated, $kind, $title, $text,
                $language, $author, $replies, $reposts, $likes, $views, $quotes, $updated, $hash, $seen, $seen, $edited, $normaliser, $latest, $media, $detected);
            """);
        using var update = Prepare($"""
            UPDATE posts SET url = $url, published_at = $published, published_at_estimated = $estimated,
                kind = $kind, title = $title, text = $text, language = $language, language_detected = $detected, author = $author,
                replies = $replies, reposts = $reposts, likes = $likes, views = $views, quotes = $quotes, source_updated_at = $updated,
                content_hash = $hash, last_seen_at = $seen, edited_at = $edited, normaliser_version = $normaliser,
                latest_version = $latest, media = $media, deleted_at = NULL, deletion_evidence = NULL, absent_checks = 0
            WHERE {Key};
            """);
        using var version = PrepareVersion();
        using var index = SqliteRawStatement.Prepare(write.Connection, SqliteSearchIndex.Upsert);
        foreach (var postWrite in writes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var command = postWrite.Kind == PostWriteKind.Insert ? insert : update;
            Fill(command, postWrite);
            command.Execute();
            index.Set("$id", postWrite.Kind == PostWriteKind.Insert ? raw.sqlite3_last_insert_rowid(write.Connection.Handle) : rowIds[postWrite.Post.PostId]);
            index.Set("$tokens", SqliteSearchIndex.Tokens(postWrite.Post.Title, postWrite.Post.Text));
            index.Execute();
            if (postWrite.NewVersion is { } reason)
            {
                FillVersion(version, postWrite, reason);
                version.Execute();
            }

            Inserted += postWrite.Kind == PostWriteKind.Insert ? 1 : 0;
            Edited += postWrite.Edited ? 1 : 0;
        }
    }

    /// <summary>Replaces the entities of every written post: two statements for the whole poll (<see cref="SqliteEntityIndex"/>).</summary>
    private async Task WriteEntitiesAsync(List<PostWrite> writes, CancellationToken cancellationToken)
    {
        await using var clear = write.Command(SqliteEntityIndex.Clear);
        clear.Bind("$platform", platform);
        clear.Bind("$account", accountId);
        clear.Bind("$ids", JsonSerializer.Serialize(writes.Select(w => w.Post.PostId).ToArray(), SqliteJsonContext.Default.StringArray));
        await clear.ExecuteNonQueryAsync(cancellationToken);
        await using var insert = write.Command(SqliteEntityIndex.Insert);
        insert.Bind("$platform", platform);
        insert.Bind("$account", accountId);
        insert.Bind("$rows", SqliteEntityIndex.Rows(platform, writes.Select(w => w.Post)));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task TouchAsync(List<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await using var touch = write.Command(
            "UPDATE posts SET last_seen_at = $seen WHERE platform = $platform AND account_id = $account AND post_id IN (SELECT value FROM json_each($ids));");
        touch.Bind("$seen", capturedAt);
        touch.Bind("$platform", platform);
        touch.Bind("$account", accountId);
        touch.Bind("$ids", JsonSerializer.Serialize(ids.ToArray(), SqliteJsonContext.Default.StringArray));
        await touch.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Delete(List<PostDeletion> deletions, Dictionary<string, PostMerge.Stored> stored, int confirmations, CancellationToken cancellationToken)
    {
        using var mark = Prepare($"""
            UPDATE posts SET deleted_at = $deleted, deletion_evidence = $evidence, absent_checks = $absent, latest_version = $latest
            WHERE {Key};
            """);
        using var version = Prepare("""
            INSERT OR IGNORE INTO post_versions (platform, account_id, post_id, version, reason, captured_at, content_hash, title, text, url, media, capture_id, evidence)
            SELECT platform, account_id, post_id, latest_version, 'deleted', $seen, content_hash, title, text, url,
                COALESCE(media, '[]'), $capture, $evidence
            FROM posts WHERE platform = $platform AND account_id = $account AND post_id = $post;
            """);
        foreach (var deletion in deletions)
        {
            if (!stored.TryGetValue(deletion.PostId, out var known) || PostMerge.Delete(known, deletion.Evidence, confirmations, capturedAt) is not { } change)
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            mark.Set("$post", deletion.PostId);
            mark.Set("$deleted", change.DeletedAt);
            mark.Set("$evidence", change.Evidence?.ToWireName());
            mark.Set("$absent", change.AbsentChecks);
            mark.Set("$latest", change.LatestVersion);
            mark.Execute();
            if (change.NewVersion is not null)
            {
                version.Set("$post", deletion.PostId);
                version.Set("$evidence", change.Evidence?.ToWireName());
                version.Set("$capture", captureId);
                version.Execute();
                Deleted++;
            }
        }
    }

    private SqliteRawStatement PrepareVersion() => Prepare("""
        INSERT OR IGNORE INTO post_versions (platform, account_id, post_id, version, reason, captured_at, content_hash, title, text, url, media, capture_id, evidence)
        VALUES ($platform, $account, $post, $version, $reason, $seen, $hash, $title, $text, $url, $media, $capture, NULL);
        """);

    private void FillVersion(SqliteRawStatement command, PostWrite postWrite, VersionReason reason)
    {
        var post = postWrite.Post;
        command.Set("$post", post.PostId);
        command.Set("$version", postWrite.LatestVersion);
        command.Set("$reason", reason.ToWireName());
        command.Set("$hash", postWrite.ContentHash);
        command.Set("$title", post.Title);
        command.Set("$text", post.Text);
        command.Set("$url", post.Url);
        command.Set("$media", SqliteRows.WriteMedia(post.Media));
        command.Set("$capture", captureId);
    }

    private static void Fill(SqliteRawStatement command, PostWrite postWrite)
    {
        var post = postWrite.Post;
        command.Set("$post", post.PostId);
        command.Set("$url", post.Url);
        command.Set("$published", post.PublishedAt);
        command.Set("$estimated", post.PublishedAtEstimated);
        command.Set("$kind", post.Kind.ToWireName());
        command.Set("$title", post.Title);
        command.Set("$text", post.Text);
        command.Set("$language", post.Language);
        command.Set("$detected", post.LanguageDetected);
        command.Set("$author", post.Author);
        command.Set("$replies", post.Metrics?.Replies);
        command.Set("$reposts", post.Metrics?.Reposts);
        command.Set("$likes", post.Metrics?.Likes);
        command.Set("$views", post.Metrics?.Views);
        command.Set("$quotes", post.Metrics?.Quotes);
        command.Set("$updated", post.UpdatedAt);
        command.Set("$hash", postWrite.ContentHash);
        command.Set("$edited", postWrite.EditedAt);
        command.Set("$normaliser", postWrite.NormaliserVersion);
        command.Set("$latest", postWrite.LatestVersion);
        command.Set("$media", SqliteRows.WriteMedia(post.Media));
    }

    private SqliteRawStatement Prepare(string sql)
    {
        var statement = SqliteRawStatement.Prepare(write.Connection, sql);
        statement.Set("$platform", platform);
        statement.Set("$account", accountId);
        if (sql.Contains("$seen", StringComparison.Ordinal))
        {
            statement.Set("$seen", capturedAt);
        }

        return statement;
    }
}
