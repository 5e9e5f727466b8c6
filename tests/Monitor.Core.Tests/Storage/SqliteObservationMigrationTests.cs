using Microsoft.Data.Sqlite;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Storage;

/// <summary>Migration 5 on a database of schema 4: stored posts' counts become observations at their last-seen time.</summary>
public sealed class SqliteObservationMigrationTests : IDisposable
{
    private const long Hour = 3_600_000;
    private readonly TempSqliteFile file = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_SchemaFourDatabase_SeedsAnObservationPerPostWithCounts()
    {
        await CreateSchemaFourAsync();

        await using (var connection = await OpenAsync())
        {
            Assert.Equal(4, await SqliteSchema.MigrateAsync(connection, Ct));
        }

        Assert.Equal((long)SqliteSchema.LatestVersion, await ScalarAsync("PRAGMA user_version;"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'post_observation_backfill';"));
        // p1 seen 1 h after publication (1h bucket), p2 at 30 h (24h bucket); p3 has no counts, p4 an estimated date.
        Assert.Equal("p1 1h 3600000 7 4,p2 24h 108000000 9 NULL",
            await ScalarAsync("""
                SELECT group_concat(row, ',') FROM (
                  SELECT post_id || ' ' || bucket || ' ' || (observed_at - published_at) || ' ' || likes || ' ' || coalesce(replies, 'NULL') AS row
                  FROM post_metric_observations ORDER BY post_id);
                """));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM posts WHERE quotes IS NOT NULL;"));
    }

    [Fact]
    public async Task Migrate_InterruptedSeed_ResumesAfterTheLastSeededPost()
    {
        await CreateSchemaFourAsync();
        await using (var connection = await OpenAsync())
        {
            await connection.ExecuteAsync("ALTER TABLE posts ADD COLUMN quotes INTEGER;" + SqliteObservations.CreateTable + SqliteObservationBackfill.CreateTable, Ct);
            await connection.ExecuteAsync("UPDATE post_observation_backfill SET last_id = (SELECT id FROM posts WHERE post_id = 'p1');", Ct);
            await SqliteSchema.MigrateAsync(connection, Ct);
        }

        Assert.Equal((long)SqliteSchema.LatestVersion, await ScalarAsync("PRAGMA user_version;"));
        Assert.Equal("p2", await ScalarAsync("SELECT group_concat(post_id) FROM post_metric_observations;"));
    }

    public void Dispose() => file.Dispose();

    private async Task CreateSchemaFourAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        await using var connection = await OpenAsync();
        await SqliteSchema.MigrateAsync(connection, Ct, upTo: 4);
        await connection.ExecuteAsync($"""
            INSERT INTO accounts (id, platform, handle, country, actor, enabled) VALUES ('a', 'bluesky', 'fcdo.bsky.social', 'GBR', 'ForeignMinistry', 1);
            INSERT INTO posts (platform, account_id, post_id, published_at, published_at_estimated, kind, text, replies, likes, content_hash, first_seen_at, last_seen_at)
            VALUES ('bluesky', 'a', 'p1', {10 * Hour}, 0, 'post', 'One', 4, 7, 'h1', {10 * Hour}, {11 * Hour}),
                   ('bluesky', 'a', 'p2', {20 * Hour}, 0, 'reply', 'Two', NULL, 9, 'h2', {21 * Hour}, {50 * Hour}),
                   ('bluesky', 'a', 'p3', {20 * Hour}, 0, 'post', 'Three', NULL, NULL, 'h3', {21 * Hour}, {22 * Hour}),
                   ('bluesky', 'a', 'p4', {20 * Hour}, 1, 'post', 'Four', 1, 1, 'h4', {20 * Hour}, {22 * Hour});
            """, Ct);
        Assert.Equal(4L, await ScalarAsync("PRAGMA user_version;"));
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.Path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }
}
