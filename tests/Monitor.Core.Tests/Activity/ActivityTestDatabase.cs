using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// A temporary SQLite file with the store's real schema (its migrations), filled row by row as the store writes them.
/// </summary>
internal sealed class ActivityTestDatabase : IDisposable
{
    /// <summary>The content hash the store computes for a post without title and text.</summary>
    public static readonly string EmptyContentHash = ContentHash.Compute(new Post { PostId = "-", PublishedAt = DateTimeOffset.UnixEpoch });

    private readonly SqliteConnection connection;
    private SqliteTransaction? transaction;

    public ActivityTestDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"monitor-activity-{Guid.NewGuid():N}.db");
        connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        connection.Open();

        // Microsoft.Data.Sqlite runs commands synchronously, so waiting here blocks nothing that could deadlock.
        SqliteSchema.MigrateAsync(connection, CancellationToken.None).GetAwaiter().GetResult();

        // A throw-away file: no fsync per insert.
        Execute("PRAGMA synchronous = OFF");
    }

    public string Path { get; }

    public SqliteActivityQueries Queries => new(Options.Create(new SqliteOptions { Path = Path }));

    public void AddAccount(TrackedAccount account, string? lastStatus = "ok") =>
        Execute("INSERT INTO accounts (id, platform, handle, country, actor, name, language, enabled, last_status) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)",
            account.Id, account.Platform, account.Handle, account.Country, account.Actor.ToString(), account.Name, account.Language,
            account.Enabled ? 1 : 0, lastStatus);

    public void AddPost(TrackedAccount account, string postId, DateTimeOffset publishedAt, PostKind kind, DateTimeOffset seenAt) =>
        Execute("""
            INSERT INTO posts (platform, account_id, post_id, published_at, published_at_estimated, kind, content_hash, first_seen_at, last_seen_at)
            VALUES ($1,$2,$3,$4,0,$5,$6,$7,$7)
            """,
            account.Platform, account.Id, postId, publishedAt.ToUnixTimeMilliseconds(), kind.ToWireName(),
            EmptyContentHash, seenAt.ToUnixTimeMilliseconds());

    public void AddPost(TrackedAccount account, string postId, DateTimeOffset publishedAt, PostKind kind, string? language, long? reposts) =>
        Execute("""
            INSERT INTO posts (platform, account_id, post_id, published_at, published_at_estimated, kind, language, reposts, content_hash, first_seen_at, last_seen_at)
            VALUES ($1,$2,$3,$4,0,$5,$6,$7,$8,$4,$4)
            """,
            account.Platform, account.Id, postId, publishedAt.ToUnixTimeMilliseconds(), kind.ToWireName(), language, reposts, EmptyContentHash);

    public void AddSnapshot(TrackedAccount account, DateTimeOffset capturedAt, long? followers, long? postsTotal, string status = "ok") =>
        Execute("""
            INSERT INTO snapshots (account_id, platform, captured_at, status, new_posts, seen_posts, followers, posts_total, duration_ms)
            VALUES ($1,$2,$3,$4,0,0,$5,$6,0)
            """,
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
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
