using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>Streaming reads for exports: one data reader, rows yielded as they come, oldest first.</summary>
internal sealed partial class SqliteStore
{
    public IAsyncEnumerable<StoredPost> ReadPostsAsync(RecordFilter filter, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {SqliteRows.PostColumns} FROM posts", "published_at", "published_at, platform, account_id, post_id",
            filter, SqliteRows.ReadPost, cancellationToken);

    public IAsyncEnumerable<ActivitySnapshot> ReadSnapshotsAsync(RecordFilter filter, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {SqliteRows.SnapshotColumns} FROM snapshots", "captured_at", "captured_at, id",
            filter, SqliteRows.ReadSnapshot, cancellationToken);

    public IAsyncEnumerable<PostVersion> ReadVersionsAsync(RecordFilter filter, CancellationToken cancellationToken) =>
        ReadAsync($"SELECT {SqliteRows.VersionColumns} FROM post_versions", "captured_at", "captured_at, platform, account_id, post_id, version",
            filter, SqliteRows.ReadVersion, cancellationToken);

    private async IAsyncEnumerable<T> ReadAsync<T>(
        string select,
        string timeColumn,
        string orderBy,
        RecordFilter filter,
        Func<SqliteDataReader, T> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            {select}
            WHERE ($from IS NULL OR {timeColumn} >= $from)
              AND ($to IS NULL OR {timeColumn} < $to)
              AND ($account IS NULL OR account_id = $account)
            ORDER BY {orderBy};
            """;
        command.Bind("$from", filter.From);
        command.Bind("$to", filter.To);
        command.Bind("$account", filter.AccountId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return map(reader);
        }
    }
}
