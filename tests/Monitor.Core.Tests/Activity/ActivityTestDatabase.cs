using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Posts;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// A temporary SQLite file with the store's schema, filled row by row as the store writes them.
/// The DDL is a copy of the SQLite store's schema (written in parallel); at merge this should call the real
/// store's <c>InitializeAsync</c> instead of <see cref="Schema"/>.
/// </summary>
internal sealed class ActivityTestDatabase : IDisposable
{
    public const string Schema = """
        CREATE TABLE accounts (id TEXT PRIMARY KEY, platform TEXT NOT NULL, handle TEXT NOT NULL, country TEXT NOT NULL,
          actor TEXT NOT NULL, name TEXT, language TEXT, enabled INTEGER NOT NULL DEFAULT 1, last_poll_at INTEGER,
          next_poll_at INTEGER, last_success_at INTEGER, consecutive_failures INTEGER NOT NULL DEFAULT 0, last_status TEXT,
          last_error TEXT, cursor_etag TEXT, cursor_last_modified TEXT, cursor_position TEXT, cursor_external_id TEXT,
          lease_owner TEXT, lease_expires_at INTEGER);
        CREATE TABLE posts (platform TEXT NOT NULL, account_id TEXT NOT NULL, post_id TEXT NOT NULL, url TEXT,
          published_at INTEGER NOT NULL, published_at_estimated INTEGER NOT NULL DEFAULT 0, kind TEXT NOT NULL DEFAULT 'post',
          title TEXT, text TEXT, language TEXT, author TEXT, replies INTEGER, reposts INTEGER, likes INTEGER, views INTEGER,
          source_updated_at INTEGER, content_hash TEXT, first_seen_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL,
          edited_at INTEGER, deleted_at INTEGER, PRIMARY KEY (platform, account_id, post_id)) WITHOUT ROWID;
        CREATE INDEX ix_posts_account_published ON posts (account_id, published_at);
        CREATE INDEX ix_posts_published ON posts (published_at);
        CREATE TABLE snapshots (id INTEGER PRIMARY KEY, account_id TEXT NOT NULL, platform TEXT NOT NULL,
          captured_at INTEGER NOT NULL, status TEXT NOT NULL, http_status INTEGER, new_posts INTEGER NOT NULL DEFAULT 0,
          seen_posts INTEGER NOT NULL DEFAULT 0, followers INTEGER, following INTEGER, posts_total INTEGER,
          latest_post_at INTEGER, duration_ms INTEGER NOT NULL DEFAULT 0, error TEXT);
        CREATE INDEX ix_snapshots_account_captured ON snapshots (account_id, captured_at);
        """;

    private readonly SqliteConnection connection;
    private SqliteTransaction? transaction;

    public ActivityTestDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"monitor-activity-{Guid.NewGuid():N}.db");
        connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();
        // A throw-away file: no fsync per insert.
        Execute("PRAGMA synchronous = OFF");
        Execute(Schema);
    }

    public string Path { get; }

    public SqliteActivityQueries Queries => new(Options.Create(new SqliteOptions { Path = Path }));

    public void AddAccount(TrackedAccount account, string? lastStatus = "ok") =>
        Execute("INSERT INTO accounts (id, platform, handle, country, actor, name, language, enabled, last_status) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
            account.Id, account.Platform, account.Handle, account.Country, account.Actor.ToString(), account.Name, account.Language,
            account.Enabled ? 1 : 0, lastStatus);

    public void AddPost(TrackedAccount account, string postId, DateTimeOffset publishedAt, PostKind kind, DateTimeOffset seenAt) =>
        Execute("INSERT INTO posts (platform, account_id, post_id, published_at, kind, first_seen_at, last_seen_at) VALUES ($1,$2,$3,$4,$5,$6,$6)",
            account.Platform, account.Id, postId, publishedAt.ToUnixTimeMilliseconds(), kind.ToWireName(), seenAt.ToUnixTimeMilliseconds());

    public void AddSnapshot(TrackedAccount account, DateTimeOffset capturedAt, long? followers, long? postsTotal, string status = "ok") =>
        Execute("INSERT INTO snapshots (account_id, platform, captured_at, status, followers, posts_total) VALUES ($1,$2,$3,$4,$5,$6)",
            account.Id, account.Platform, capturedAt.ToUnixTimeMilliseconds(), status, followers, postsTotal);

    public void Execute(string sql, params object?[] values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", values[i] ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    /// <summary>Runs the inserts in one transaction, as the store writes a poll.</summary>
    public void InTransaction(Action write)
    {
        transaction = connection.BeginTransaction();
        write();
        transaction.Commit();
        transaction.Dispose();
        transaction = null;
    }

    public void Dispose()
    {
        connection.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(Path);
    }
}
