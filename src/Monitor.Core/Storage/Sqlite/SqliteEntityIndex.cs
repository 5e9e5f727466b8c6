using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Entities;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Migration 5: <c>post_entities</c>, one row per (post, entity type, value) under the post's rowid, with the post's
/// account and publication time copied in so that the entity reports read only the window's rows of one covering index
/// (<c>ix_post_entities_window</c>). A post's rows are replaced whenever the post itself is written (new or changed).
/// Existing posts are indexed in batches that commit on their own, resuming after <c>post_entities_backfill.last_id</c>.
/// </summary>
internal static class SqliteEntityIndex
{
    private const int BatchSize = 2000;

    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS post_entities (
            post_rowid INTEGER NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            platform_id TEXT,
            account_id TEXT NOT NULL,
            published_at INTEGER NOT NULL,
            PRIMARY KEY (post_rowid, type, value)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_post_entities_window ON post_entities (type, published_at, account_id, value, platform_id);
        CREATE TABLE IF NOT EXISTS post_entities_backfill (last_id INTEGER NOT NULL);
        INSERT INTO post_entities_backfill (last_id) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM post_entities_backfill);
        """;

    public const string Finish = "DROP TABLE post_entities_backfill;";

    /// <summary>Removes the entities of the posts in <c>$ids</c> (a JSON array of post ids) of one account.</summary>
    public const string Clear = """
        DELETE FROM post_entities WHERE post_rowid IN (
            SELECT id FROM posts WHERE platform = $platform AND account_id = $account AND post_id IN (SELECT value FROM json_each($ids)));
        """;

    /// <summary>Inserts <c>$rows</c>, a JSON array of <c>[postId, type, value, platformId]</c> of one account's posts.</summary>
    public const string Insert = """
        INSERT OR IGNORE INTO post_entities (post_rowid, type, value, platform_id, account_id, published_at)
        SELECT p.id, json_extract(e.value, '$[1]'), json_extract(e.value, '$[2]'), json_extract(e.value, '$[3]'), p.account_id, p.published_at
        FROM json_each($rows) e
        JOIN posts p ON p.platform = $platform AND p.account_id = $account AND p.post_id = json_extract(e.value, '$[0]');
        """;

    /// <summary>The <c>$rows</c> JSON for <see cref="Insert"/>: every entity of every post, keyed by post id.</summary>
    public static string Rows(string platform, IEnumerable<Post> posts)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var post in posts)
            {
                foreach (var entity in PostEntityRules.For(platform, post))
                {
                    json.WriteStartArray();
                    json.WriteStringValue(post.PostId);
                    json.WriteStringValue(entity.Type.ToWireName());
                    json.WriteStringValue(entity.Value);
                    json.WriteStringValue(entity.PlatformId);
                    json.WriteEndArray();
                }
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static Task BackfillAsync(SqliteConnection connection, IProgress<string>? progress, CancellationToken cancellationToken) =>
        SqliteBatchedBackfill.RunAsync(connection, IndexBatchAsync, read => string.Create(CultureInfo.InvariantCulture, $"Extracting hashtags, mentions and links (schema 8): {read} more posts."), progress, cancellationToken);

    /// <summary>Indexes whatever is still missing, inside the final transaction.</summary>
    public static Task CatchUpAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        SqliteBatchedBackfill.CatchUpAsync(connection, transaction, IndexBatchAsync, cancellationToken);

    /// <summary>Stored posts carry no wire entities, so the backfill extracts from title and text (and a repost's author).</summary>
    private static async Task<int> IndexBatchAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"""
            SELECT id, platform, account_id, published_at, kind, title, text, author FROM posts
            WHERE id > (SELECT last_id FROM post_entities_backfill) ORDER BY id LIMIT {BatchSize};
            """;
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO post_entities (post_rowid, type, value, platform_id, account_id, published_at)
            VALUES ($id, $type, $value, $platformId, $account, $published);
            """;
        var id = insert.Bind("$id", null);
        var type = insert.Bind("$type", null);
        var value = insert.Bind("$value", null);
        var platformId = insert.Bind("$platformId", null);
        var account = insert.Bind("$account", null);
        var published = insert.Bind("$published", null);

        var indexed = 0;
        long last = 0;
        await using (var rows = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                last = rows.GetInt64(0);
                var post = new Post
                {
                    PostId = string.Empty,
                    PublishedAt = rows.GetTime(3),
                    Kind = PostKindNames.Parse(rows.GetString(4)),
                    Title = rows.GetStringOrNull(5),
                    Text = rows.GetStringOrNull(6),
                    Author = rows.GetStringOrNull(7),
                };
                id.Value = last;
                account.Value = rows.GetString(2);
                published.Value = rows.GetInt64(3);
                foreach (var entity in PostEntityRules.For(rows.GetString(1), post))
                {
                    type.Value = entity.Type.ToWireName();
                    value.Value = entity.Value;
                    platformId.Set(entity.PlatformId);
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }

                indexed++;
            }
        }

        if (indexed > 0)
        {
            await SqliteBatchedBackfill.MarkAsync(connection, transaction, "post_entities_backfill", last, cancellationToken);
        }

        return indexed;
    }
}
