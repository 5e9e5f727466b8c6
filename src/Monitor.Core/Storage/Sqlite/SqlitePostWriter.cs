using Microsoft.Data.Sqlite;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Upserts one poll's posts inside its write transaction. The hot path of ingestion: three commands are prepared
/// once per poll and re-executed with new parameter values for every post (look up, then insert or merge).
/// </summary>
internal sealed class SqlitePostWriter : IAsyncDisposable
{
    private const string Key = "platform = $platform AND account_id = $account AND post_id = $post";

    private static readonly string[] PostFields =
    [
        "$url", "$published", "$estimated", "$kind", "$title", "$text", "$language", "$author",
        "$replies", "$reposts", "$likes", "$views", "$updated", "$hash", "$edited",
    ];

    private readonly SqliteCommand find;
    private readonly SqliteCommand insert;
    private readonly SqliteCommand update;
    private readonly SqliteCommand delete;
    private readonly DateTimeOffset capturedAt;

    public SqlitePostWriter(WriteScope write, string platform, string accountId, DateTimeOffset capturedAt)
    {
        this.capturedAt = capturedAt;
        find = Prepare(write, $"SELECT content_hash, published_at, published_at_estimated, source_updated_at, edited_at FROM posts WHERE {Key};", platform, accountId);
        insert = Prepare(write, """
            INSERT INTO posts (platform, account_id, post_id, url, published_at, published_at_estimated, kind, title, text,
                language, author, replies, reposts, likes, views, source_updated_at, content_hash, first_seen_at, last_seen_at, edited_at)
            VALUES ($platform, $account, $post, $url, $published, $estimated, $kind, $title, $text,
                $language, $author, $replies, $reposts, $likes, $views, $updated, $hash, $seen, $seen, $edited);
            """, platform, accountId, PostFields);
        update = Prepare(write, $"""
            UPDATE posts SET url = COALESCE($url, url), published_at = $published, published_at_estimated = $estimated,
                kind = $kind, title = $title, text = $text, language = COALESCE($language, language), author = COALESCE($author, author),
                replies = COALESCE($replies, replies), reposts = COALESCE($reposts, reposts), likes = COALESCE($likes, likes),
                views = COALESCE($views, views), source_updated_at = $updated, content_hash = $hash, last_seen_at = $seen,
                edited_at = $edited
            WHERE {Key};
            """, platform, accountId, PostFields);
        delete = Prepare(write, $"UPDATE posts SET deleted_at = $seen WHERE {Key} AND deleted_at IS NULL;", platform, accountId);
        insert.Parameters["$seen"].Set(capturedAt);
        update.Parameters["$seen"].Set(capturedAt);
        delete.Parameters["$seen"].Set(capturedAt);
    }

    public int Inserted { get; private set; }

    public int Edited { get; private set; }

    public int Deleted { get; private set; }

    /// <summary>Stores one fetched post: new ones are inserted, known ones merged through <see cref="PostMerge"/>.</summary>
    public async Task UpsertAsync(Post post, CancellationToken cancellationToken)
    {
        var hash = PostMerge.ContentHash(post);
        find.Parameters["$post"].Set(post.PostId);
        PostMerge.Stored? stored = null;
        await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                stored = new PostMerge.Stored(reader.GetString(0), reader.GetTime(1), reader.GetInt64(2) != 0,
                    reader.GetTimeOrNull(3), reader.GetTimeOrNull(4));
            }
        }

        if (stored is null)
        {
            Fill(insert, post, hash, post.PublishedAt, post.PublishedAtEstimated, post.UpdatedAt, post.EditedAt);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            Inserted++;
            return;
        }

        var merged = PostMerge.Merge(stored, post, hash, capturedAt);
        Fill(update, post, hash, merged.PublishedAt, merged.PublishedAtEstimated, merged.SourceUpdatedAt, merged.EditedAt);
        await update.ExecuteNonQueryAsync(cancellationToken);
        Edited += merged.Edited ? 1 : 0;
    }

    /// <summary>Marks a post deleted (once; the first noticing poll's time is kept). The row stays.</summary>
    public async Task MarkDeletedAsync(string postId, CancellationToken cancellationToken)
    {
        delete.Parameters["$post"].Set(postId);
        Deleted += await delete.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await find.DisposeAsync();
        await insert.DisposeAsync();
        await update.DisposeAsync();
        await delete.DisposeAsync();
    }

    private static void Fill(SqliteCommand command, Post post, string hash, DateTimeOffset published, bool estimated,
        DateTimeOffset? updated, DateTimeOffset? edited)
    {
        var p = command.Parameters;
        p["$post"].Set(post.PostId);
        p["$url"].Set(post.Url);
        p["$published"].Set(published);
        p["$estimated"].Set(estimated);
        p["$kind"].Set(post.Kind.ToWireName());
        p["$title"].Set(post.Title);
        p["$text"].Set(post.Text);
        p["$language"].Set(post.Language);
        p["$author"].Set(post.Author);
        p["$replies"].Set(post.Metrics?.Replies);
        p["$reposts"].Set(post.Metrics?.Reposts);
        p["$likes"].Set(post.Metrics?.Likes);
        p["$views"].Set(post.Metrics?.Views);
        p["$updated"].Set(updated);
        p["$hash"].Set(hash);
        p["$edited"].Set(edited);
    }

    private static SqliteCommand Prepare(WriteScope write, string sql, string platform, string accountId, params string[] fields)
    {
        var command = write.Command(sql);
        command.Bind("$platform", platform);
        command.Bind("$account", accountId);
        command.Bind("$post", null);
        foreach (var field in fields)
        {
            command.Bind(field, null);
        }

        if (sql.Contains("$seen", StringComparison.Ordinal))
        {
            command.Bind("$seen", null);
        }

        command.Prepare();
        return command;
    }
}
