using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Migration 3's copy of <c>posts</c> into the rowid table <c>posts_v3</c>, in key order and in batches that commit
/// on their own: an interrupted migration resumes after the last copied key, and a long one reports progress (and,
/// under systemd, extends the start timeout so it is not killed into a restart loop). Each copied post gets its
/// content hash in the current definition and version 1 (<c>created</c>, at its first-seen time) in
/// <c>post_versions</c>, plus version 2 (<c>deleted</c>) when it was marked deleted.
/// </summary>
internal static class SqlitePostsRebuild
{
    private const int BatchSize = 2000;

    public const string CreateTables = """
        CREATE TABLE IF NOT EXISTS posts_v3 (
            platform TEXT NOT NULL,
            account_id TEXT NOT NULL,
            post_id TEXT NOT NULL,
            url TEXT,
            published_at INTEGER NOT NULL,
            published_at_estimated INTEGER NOT NULL,
            kind TEXT NOT NULL,
            title TEXT,
            text TEXT,
            language TEXT,
            author TEXT,
            replies INTEGER,
            reposts INTEGER,
            likes INTEGER,
            views INTEGER,
            source_updated_at INTEGER,
            content_hash TEXT NOT NULL,
            first_seen_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL,
            edited_at INTEGER,
            deleted_at INTEGER,
            normaliser_version INTEGER NOT NULL DEFAULT 1,
            absent_checks INTEGER NOT NULL DEFAULT 0,
            deletion_evidence TEXT,
            latest_version INTEGER NOT NULL DEFAULT 1,
            id INTEGER PRIMARY KEY,
            UNIQUE (platform, account_id, post_id));

        CREATE TABLE IF NOT EXISTS post_versions (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            account_id TEXT NOT NULL,
            post_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            reason TEXT NOT NULL,
            captured_at INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            title TEXT,
            text TEXT,
            url TEXT,
            media TEXT,
            capture_id TEXT,
            evidence TEXT,
            UNIQUE (platform, account_id, post_id, version));
        CREATE INDEX IF NOT EXISTS ix_post_versions_captured ON post_versions (captured_at);
        CREATE INDEX IF NOT EXISTS ix_post_versions_account_captured ON post_versions (account_id, captured_at);
        """;

    private const string CopyColumns =
        "platform, account_id, post_id, url, published_at, published_at_estimated, kind, title, text, language, author, " +
        "replies, reposts, likes, views, source_updated_at, content_hash, first_seen_at, last_seen_at, edited_at, deleted_at";

    public static async Task CopyAsync(SqliteConnection connection, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await using (var create = connection.BeginTransaction(deferred: false))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = create;
            command.CommandText = CreateTables;
            await command.ExecuteNonQueryAsync(cancellationToken);
            await create.CommitAsync(cancellationToken);
        }

        var total = await CountAsync(connection, null, "posts", cancellationToken);
        while (true)
        {
            await using var batch = connection.BeginTransaction(deferred: false);
            var copied = await CopyBatchAsync(connection, batch, cancellationToken);
            await batch.CommitAsync(cancellationToken);
            if (copied == 0)
            {
                break;
            }

            var done = await CountAsync(connection, null, "posts_v3", cancellationToken);
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"Rebuilding posts (schema 3): {done} of {total} copied."));
            SystemdNotifier.ExtendStartTimeout(TimeSpan.FromMinutes(2));
        }
    }

    /// <summary>Copies whatever is still missing, inside the swap's transaction.</summary>
    public static async Task CatchUpAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = CreateTables;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        while (await CopyBatchAsync(connection, transaction, cancellationToken) > 0)
        {
        }
    }

    private static async Task<int> CopyBatchAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        // Resume after the newest copied key; the UNIQUE index answers this without a scan.
        string?[] last = [null, null, null];
        await using (var lastKey = connection.CreateCommand())
        {
            lastKey.Transaction = transaction;
            lastKey.CommandText = "SELECT platform, account_id, post_id FROM posts_v3 ORDER BY platform DESC, account_id DESC, post_id DESC LIMIT 1;";
            await using var reader = await lastKey.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                last = [reader.GetString(0), reader.GetString(1), reader.GetString(2)];
            }
        }

        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"""
            SELECT {CopyColumns} FROM posts
            WHERE $platform IS NULL OR (platform, account_id, post_id) > ($platform, $account, $post)
            ORDER BY platform, account_id, post_id LIMIT {BatchSize};
            """;
        select.Bind("$platform", last[0]);
        select.Bind("$account", last[1]);
        select.Bind("$post", last[2]);

        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"""
            INSERT INTO posts_v3 ({CopyColumns}, normaliser_version, absent_checks, deletion_evidence, latest_version)
            VALUES ({string.Join(", ", Enumerable.Range(0, 21).Select(i => "$c" + i))}, 1, 0, NULL, $latest);
            """;
        var columns = Enumerable.Range(0, 21).Select(i => insert.Bind("$c" + i, null)).ToArray();
        var latest = insert.Bind("$latest", null);
        await using var version = connection.CreateCommand();
        version.Transaction = transaction;
        version.CommandText = """
            INSERT OR IGNORE INTO post_versions (platform, account_id, post_id, version, reason, captured_at, content_hash, title, text, url, media, capture_id, evidence)
            VALUES ($platform, $account, $post, $version, $reason, $captured, $hash, $title, $text, $url, '[]', NULL, NULL);
            """;
        var versionParameters = new[] { "$platform", "$account", "$post", "$version", "$reason", "$captured", "$hash", "$title", "$text", "$url" }
            .ToDictionary(name => name, name => version.Bind(name, null));

        var copied = 0;
        await using var rows = await select.ExecuteReaderAsync(cancellationToken);
        while (await rows.ReadAsync(cancellationToken))
        {
            var values = new object?[21];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = rows.IsDBNull(i) ? null : rows.GetValue(i);
            }

            var hash = ContentHash.Compute(new Post { PostId = "-", PublishedAt = DateTimeOffset.UnixEpoch, Title = (string?)values[7], Text = (string?)values[8] });
            values[16] = hash;
            var deleted = values[20] is not null;
            for (var i = 0; i < values.Length; i++)
            {
                columns[i].Value = values[i] ?? DBNull.Value;
            }

            latest.Value = deleted ? 2L : 1L;
            await insert.ExecuteNonQueryAsync(cancellationToken);
            await AddVersionAsync(version, versionParameters, values, 1, "created", values[17]!, hash, cancellationToken);
            if (deleted)
            {
                await AddVersionAsync(version, versionParameters, values, 2, "deleted", values[20]!, hash, cancellationToken);
            }

            copied++;
        }

        return copied;
    }

    private static Task<int> AddVersionAsync(SqliteCommand command, Dictionary<string, SqliteParameter> parameters, object?[] post,
        int number, string reason, object capturedAt, string hash, CancellationToken cancellationToken)
    {
        object?[] values = [post[0], post[1], post[2], (long)number, reason, capturedAt, hash, post[7], post[8], post[3]];
        var names = new[] { "$platform", "$account", "$post", "$version", "$reason", "$captured", "$hash", "$title", "$text", "$url" };
        for (var i = 0; i < names.Length; i++)
        {
            parameters[names[i]].Value = values[i] ?? DBNull.Value;
        }

        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long> CountAsync(SqliteConnection connection, SqliteTransaction? transaction, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT count(*) FROM {table};";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
