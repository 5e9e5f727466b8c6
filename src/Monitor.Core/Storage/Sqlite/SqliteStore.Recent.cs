using Microsoft.Data.Sqlite;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>The dashboard's bounded reads: index seeks on (account_id, published_at) and (account_id, captured_at).</summary>
internal sealed partial class SqliteStore : IRecentRecordReader
{
    private const long DayMs = 86_400_000;

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public Task<IReadOnlyList<StoredPost>> ReadNewestPostsAsync(string accountId, int limit, CancellationToken cancellationToken) =>
        ReadNewestAsync(
            $"SELECT {SqliteRows.PostColumns} FROM posts WHERE account_id = $account ORDER BY published_at DESC, post_id DESC LIMIT $limit;",
            accountId, limit, SqliteRows.ReadPost, cancellationToken);

    public Task<IReadOnlyList<ActivitySnapshot>> ReadNewestSnapshotsAsync(string accountId, int limit, CancellationToken cancellationToken) =>
        ReadNewestAsync(
            $"SELECT {SqliteRows.SnapshotColumns} FROM snapshots WHERE account_id = $account ORDER BY captured_at DESC, id DESC LIMIT $limit;",
            accountId, limit, SqliteRows.ReadSnapshot, cancellationToken);

    public async Task<IReadOnlyList<PostVersion>> ReadPostVersionsAsync(string platform, string accountId, string postId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The primary key (platform, account_id, post_id, version) serves both the filter and the order.
        command.CommandText = $"""
            SELECT {SqliteRows.VersionColumns} FROM post_versions
            WHERE platform = $platform AND account_id = $account AND post_id = $post
            ORDER BY version;
            """;
        command.Bind("$platform", platform);
        command.Bind("$account", accountId);
        command.Bind("$post", postId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var versions = new List<PostVersion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(SqliteRows.ReadVersion(reader));
        }

        return versions;
    }

    public async Task<IReadOnlyList<PlatformDayCount>> CountPostsByDayAndPlatformAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // Unix ms divided by a day's ms is the UTC day number since 1970-01-01; the published_at index bounds the scan.
        command.CommandText = $"""
            SELECT p.published_at / {DayMs} AS day, a.platform, count(*)
            FROM posts p JOIN accounts a ON a.id = p.account_id
            WHERE p.published_at >= $from AND p.published_at < $to AND a.enabled = 1
            GROUP BY day, a.platform
            ORDER BY day, a.platform;
            """;
        command.Bind("$from", from);
        command.Bind("$to", to);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<PlatformDayCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new PlatformDayCount(DateOnly.FromDayNumber(UnixEpochDay + (int)reader.GetInt64(0)), reader.GetString(1), reader.GetInt64(2)));
        }

        return counts;
    }

    private async Task<IReadOnlyList<T>> ReadNewestAsync<T>(
        string sql, string accountId, int limit, Func<SqliteDataReader, T> map, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Bind("$account", accountId);
        command.Bind("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
