using Microsoft.Data.Sqlite;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// The schema and its migrations, numbered by <c>PRAGMA user_version</c>: migration N moves a database from version
/// N-1 to N. Times are INTEGER Unix milliseconds UTC. Other code (activity queries) reads these tables directly, so a
/// column change is a new migration, never an edit of an old one.
/// </summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE IF NOT EXISTS accounts (
            id TEXT PRIMARY KEY,
            platform TEXT NOT NULL,
            handle TEXT NOT NULL,
            country TEXT NOT NULL,
            actor TEXT NOT NULL,
            name TEXT,
            language TEXT,
            enabled INTEGER NOT NULL,
            last_poll_at INTEGER,
            next_poll_at INTEGER,
            last_success_at INTEGER,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            last_status TEXT,
            last_error TEXT,
            cursor_etag TEXT,
            cursor_last_modified TEXT,
            cursor_position TEXT,
            cursor_external_id TEXT,
            lease_owner TEXT,
            lease_expires_at INTEGER);

        CREATE TABLE IF NOT EXISTS posts (
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
            PRIMARY KEY (platform, account_id, post_id)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_posts_account_published ON posts (account_id, published_at);
        CREATE INDEX IF NOT EXISTS ix_posts_published ON posts (published_at);

        CREATE TABLE IF NOT EXISTS snapshots (
            id INTEGER PRIMARY KEY,
            account_id TEXT NOT NULL,
            platform TEXT NOT NULL,
            captured_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            http_status INTEGER,
            new_posts INTEGER NOT NULL,
            seen_posts INTEGER NOT NULL,
            followers INTEGER,
            following INTEGER,
            posts_total INTEGER,
            latest_post_at INTEGER,
            duration_ms INTEGER NOT NULL,
            error TEXT);
        CREATE INDEX IF NOT EXISTS ix_snapshots_account_captured ON snapshots (account_id, captured_at);
        """,

        // 2: the claim reads accounts in (next_poll_at, id) order and stops at its LIMIT. Without this index every
        // claim scanned and sorted the whole table, so a cycle cost O(N²): 16 000 accounts spent minutes claiming
        // (bench/BENCHMARKS.md, "Ingest cycle").
        """
        CREATE INDEX IF NOT EXISTS ix_accounts_due ON accounts (next_poll_at, id);
        """,
    ];

    /// <summary>
    /// 11: the claim's index: per platform in schedule order, then the columns the claim filters on, so a refused
    /// candidate (leased, polled in this run, waiting for confirmation) is judged without reading its row. It also drops
    /// two indexes that schema 7's report indexes begin with (posts (account_id, published_at), snapshots (account_id,
    /// captured_at)): every query they served is served by the longer one, and every write updated both.
    /// </summary>
    internal const string ClaimIndex = """
        CREATE INDEX IF NOT EXISTS ix_accounts_claim
          ON accounts (platform, next_poll_at, id, enabled, last_status, lease_owner, lease_expires_at, last_poll_at);
        DROP INDEX IF EXISTS ix_accounts_due;
        DROP INDEX IF EXISTS ix_posts_account_published;
        DROP INDEX IF EXISTS ix_snapshots_account_captured;
        """;

    /// <summary>
    /// 3: posts become a rowid table with a UNIQUE key (a WITHOUT ROWID table with ~1 KB rows spills into overflow
    /// pages, https://sqlite.org/withoutrowid.html#when_to_use_without_rowid) holding the normaliser version, absence
    /// count, deletion evidence and latest version number; every post's history starts in <c>post_versions</c>; leases
    /// get an epoch (the fencing token); snapshots get notes. The copy runs in batches
    /// (<see cref="SqlitePostsRebuild"/>), then this statement swaps the tables in one transaction.
    /// </summary>
    private const string Migration3Swap = """
        DROP TABLE posts;
        ALTER TABLE posts_v3 RENAME TO posts;
        CREATE INDEX IF NOT EXISTS ix_posts_account_published ON posts (account_id, published_at);
        CREATE INDEX IF NOT EXISTS ix_posts_published ON posts (published_at);
        """;

    /// <summary>The version a fully migrated database has.</summary>
    public static int LatestVersion => Migrations.Length + 9;

    /// <summary>
    /// Switches the file to WAL (a persistent property of the file) and applies the missing migrations. The SQL
    /// migrations run in one IMMEDIATE transaction each, so workers starting together migrate once; the posts rebuild
    /// copies in resumable batches (each its own transaction, reporting progress) before its swap. Returns the
    /// version found before.
    /// </summary>
    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken, IProgress<string>? progress = null, int? upTo = null)
    {
        // WAL lets readers (exports, reports) run while a worker writes: https://sqlite.org/wal.html
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            var mode = (string?)await wal.ExecuteScalarAsync(cancellationToken);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite refused WAL mode (journal_mode is '{mode}').");
            }
        }

        var found = await ReadVersionAsync(connection, null, cancellationToken);
        if (found > LatestVersion)
        {
            throw new InvalidOperationException(
                $"The database has schema version {found}, newer than this Monitor understands ({LatestVersion}). Upgrade Monitor.");
        }

        var sqlUpTo = Math.Min(upTo ?? LatestVersion, Migrations.Length);
        await ApplyAsync(connection, sqlUpTo, (transaction, from) => RunSqlAsync(connection, transaction, from, sqlUpTo, cancellationToken), cancellationToken);
        if ((upTo ?? LatestVersion) >= 3 && await ReadVersionAsync(connection, null, cancellationToken) < 3)
        {
            await SqlitePostsRebuild.CopyAsync(connection, progress, cancellationToken);
            await ApplyAsync(connection, 3, async (transaction, from) =>
            {
                await SqlitePostsRebuild.CatchUpAsync(connection, transaction, cancellationToken);
                await ExecuteAsync(connection, transaction, Migration3Swap, cancellationToken);
                await AddColumnAsync(connection, transaction, "accounts", "lease_epoch", "INTEGER NOT NULL DEFAULT 0", cancellationToken);
                await AddColumnAsync(connection, transaction, "snapshots", "notes", "TEXT", cancellationToken);
                await ExecuteAsync(connection, transaction, "PRAGMA user_version = 3;", cancellationToken);
            }, cancellationToken);
        }

        // 4: the full-text index (SqliteSearchIndex), built in resumable batches, then finished in one transaction.
        if ((upTo ?? LatestVersion) >= 4 && await ReadVersionAsync(connection, null, cancellationToken) < 4)
        {
            await ApplyAsync(connection, 4, (transaction, _) => ExecuteAsync(connection, transaction, SqliteSearchIndex.CreateTables, cancellationToken), cancellationToken);
            await SqliteSearchIndex.BackfillAsync(connection, progress, cancellationToken);
            await ApplyAsync(connection, 4, async (transaction, _) =>
            {
                await SqliteSearchIndex.CatchUpAsync(connection, transaction, cancellationToken);
                await ExecuteAsync(connection, transaction, SqliteSearchIndex.Finish + "\nPRAGMA user_version = 4;", cancellationToken);
            }, cancellationToken);
        }

        // 5: posts keep their media links (a JSON array of URLs; NULL for posts stored before, read as none). Versions
        // already had the column; old posts and versions stay without media until a poll sees the post again.
        if ((upTo ?? LatestVersion) >= 5 && await ReadVersionAsync(connection, null, cancellationToken) < 5)
        {
            await ApplyAsync(connection, 5, async (transaction, _) =>
            {
                await AddColumnAsync(connection, transaction, "posts", "media", "TEXT", cancellationToken);
                await ExecuteAsync(connection, transaction, "PRAGMA user_version = 5;", cancellationToken);
            }, cancellationToken);
        }

        // 6: posts keep quote counts; metric observations per age bucket (SqliteObservations), existing posts' counts
        // seeded in resumable batches as observed at their last-seen time (SqliteObservationBackfill).
        if ((upTo ?? LatestVersion) >= 6 && await ReadVersionAsync(connection, null, cancellationToken) < 6)
        {
            await ApplyAsync(connection, 6, async (transaction, _) =>
            {
                await AddColumnAsync(connection, transaction, "posts", "quotes", "INTEGER", cancellationToken);
                await ExecuteAsync(connection, transaction, SqliteObservations.CreateTable + SqliteObservationBackfill.CreateTable, cancellationToken);
            }, cancellationToken);
            await SqliteObservationBackfill.RunAsync(connection, progress, cancellationToken);
            await ApplyAsync(connection, 6, async (transaction, _) =>
            {
                await SqliteObservationBackfill.CatchUpAsync(connection, transaction, cancellationToken);
                await ExecuteAsync(connection, transaction, SqliteObservationBackfill.Finish + "\nPRAGMA user_version = 6;", cancellationToken);
            }, cancellationToken);
        }

        // 7: the reports' covering index (SqliteReportIndex).
        if ((upTo ?? LatestVersion) >= 7 && await ReadVersionAsync(connection, null, cancellationToken) < 7)
        {
            await ApplyAsync(connection, 7, (transaction, _) =>
                ExecuteAsync(connection, transaction, SqliteReportIndex.Create + "\nPRAGMA user_version = 7;", cancellationToken), cancellationToken);
        }

        // 8: hashtags, mentions and links per post (SqliteEntityIndex), built in resumable batches, then finished in one transaction.
        if ((upTo ?? LatestVersion) >= 8 && await ReadVersionAsync(connection, null, cancellationToken) < 8)
        {
            await ApplyAsync(connection, 8, (transaction, _) => ExecuteAsync(connection, transaction, SqliteEntityIndex.CreateTables, cancellationToken), cancellationToken);
            await SqliteEntityIndex.BackfillAsync(connection, progress, cancellationToken);
            await ApplyAsync(connection, 8, async (transaction, _) =>
            {
                await SqliteEntityIndex.CatchUpAsync(connection, transaction, cancellationToken);
                await ExecuteAsync(connection, transaction, SqliteEntityIndex.Finish + "\nPRAGMA user_version = 8;", cancellationToken);
            }, cancellationToken);
        }

        // 9: whether a post's language was detected rather than given (PostLanguageDetector); existing posts were all given.
        if ((upTo ?? LatestVersion) >= 9 && await ReadVersionAsync(connection, null, cancellationToken) < 9)
        {
            await ApplyAsync(connection, 9, async (transaction, _) =>
            {
                await AddColumnAsync(connection, transaction, "posts", "language_detected", "INTEGER NOT NULL DEFAULT 0", cancellationToken);
                await ExecuteAsync(connection, transaction, "PRAGMA user_version = 9;", cancellationToken);
            }, cancellationToken);
        }

        // 10: the account's creation date as the platform gives it (ProfileCounts.CreatedAt); NULL until a poll reads it.
        if ((upTo ?? LatestVersion) >= 10 && await ReadVersionAsync(connection, null, cancellationToken) < 10)
        {
            await ApplyAsync(connection, 10, async (transaction, _) =>
            {
                await AddColumnAsync(connection, transaction, "accounts", "platform_created_at", "INTEGER", cancellationToken);
                await ExecuteAsync(connection, transaction, "PRAGMA user_version = 10;", cancellationToken);
            }, cancellationToken);
        }

        // 11: claims read one range of ix_accounts_claim per platform (ClaimCandidates); ix_accounts_due, one (next_poll_at,
        // id) order over every platform, made a claim read every due account of a full platform, O(accounts) per claim.
        if ((upTo ?? LatestVersion) >= 11 && await ReadVersionAsync(connection, null, cancellationToken) < 11)
        {
            await ApplyAsync(connection, 11, (transaction, _) =>
                ExecuteAsync(connection, transaction, ClaimIndex + "\nPRAGMA user_version = 11;", cancellationToken), cancellationToken);
        }

        return found;
    }

    /// <summary>Runs <paramref name="apply"/> in an IMMEDIATE transaction when the stored version is below <paramref name="upTo"/>.</summary>
    private static async Task ApplyAsync(SqliteConnection connection, int upTo, Func<SqliteTransaction, int, Task> apply, CancellationToken cancellationToken)
    {
        await using var transaction = connection.BeginTransaction(deferred: false);
        var version = await ReadVersionAsync(connection, transaction, cancellationToken);
        if (version < upTo)
        {
            await apply(transaction, version);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task RunSqlAsync(SqliteConnection connection, SqliteTransaction transaction, int from, int to, CancellationToken cancellationToken)
    {
        for (var version = from + 1; version <= to; version++)
        {
            await ExecuteAsync(connection, transaction, Migrations[version - 1] + $"\nPRAGMA user_version = {version};", cancellationToken);
        }
    }

    /// <summary>Adds a column unless the table has it (a database whose version number was set back by hand).</summary>
    private static async Task AddColumnAsync(SqliteConnection connection, SqliteTransaction transaction, string table, string column, string type, CancellationToken cancellationToken)
    {
        await using var check = connection.CreateCommand();
        check.Transaction = transaction;
        check.CommandText = $"SELECT count(*) FROM pragma_table_info('{table}') WHERE name = '{column}';";
        if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            await ExecuteAsync(connection, transaction, $"ALTER TABLE {table} ADD COLUMN {column} {type};", cancellationToken);
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<int> ReadVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
