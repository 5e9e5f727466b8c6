using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Search;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Sqlite;
using Monitor.Testing;

namespace Monitor.Core.Tests.Storage;

/// <summary>Migration 4 on a database of schema 3: the full-text index is built for the posts already stored.</summary>
public sealed class SqliteSearchMigrationTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempSqliteFile file = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_SchemaThreeDatabase_IndexesEveryStoredPost()
    {
        await CreateSchemaThreeAsync();

        var progress = new List<string>();
        await using (var connection = await OpenAsync())
        {
            Assert.Equal(3, await SqliteSchema.MigrateAsync(connection, Ct, new Progress<string>(progress.Add)));
        }

        Assert.Equal((long)SqliteSchema.LatestVersion, await ScalarAsync("PRAGMA user_version;"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'post_search_backfill';"));
        Assert.Equal("1,2", await ScalarAsync("""SELECT group_concat(rowid) FROM (SELECT rowid FROM post_search WHERE post_search MATCH '"ministry"' ORDER BY rowid);"""));
        Assert.Equal(["p2", "p1"], await SearchAsync("ministry"));
        Assert.Equal(["p2"], await SearchAsync("\"foreign ministry\" ΕΛΛΆΔΑΣ"));
    }

    [Fact]
    public async Task Migrate_InterruptedBackfill_ResumesAfterTheLastIndexedPost()
    {
        await CreateSchemaThreeAsync();
        await using (var connection = await OpenAsync())
        {
            await connection.ExecuteAsync(SqliteSearchIndex.CreateTables, Ct);
            await connection.ExecuteAsync("INSERT INTO post_search (rowid, tokens) VALUES (1, 'ministry of culture'); UPDATE post_search_backfill SET last_id = 1;", Ct);
            await SqliteSchema.MigrateAsync(connection, Ct);
        }

        Assert.Equal((long)SqliteSchema.LatestVersion, await ScalarAsync("PRAGMA user_version;"));
        Assert.Equal(1L, await ScalarAsync("""SELECT count(*) FROM post_search WHERE post_search MATCH '"culture"';"""));
        Assert.Equal(["p2", "p1"], await SearchAsync("ministry"));
    }

    public void Dispose() => file.Dispose();

    private async Task CreateSchemaThreeAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        await using var connection = await OpenAsync();
        await SqliteSchema.MigrateAsync(connection, Ct, upTo: 3);
        await connection.ExecuteAsync("""
            INSERT INTO accounts (id, platform, handle, country, actor, enabled) VALUES ('a', 'rss', 'https://e.test/a.xml', 'GRC', 'ForeignMinistry', 1);
            INSERT INTO posts (platform, account_id, post_id, published_at, published_at_estimated, kind, title, text, content_hash, first_seen_at, last_seen_at)
            VALUES ('rss', 'a', 'p1', 1000, 0, 'post', NULL, 'Ministry of Culture', 'h1', 2000, 3000),
                   ('rss', 'a', 'p2', 5000, 0, 'post', 'Foreign Ministry', 'Υπουργείο Εξωτερικών της Ελλάδας', 'h2', 6000, 7000);
            """, Ct);
        Assert.Equal(3L, await ScalarAsync("PRAGMA user_version;"));
    }

    private async Task<string[]> SearchAsync(string query)
    {
        await using var services = MonitorTestServices.Build(file.Settings(), new FakeTimeProvider(Start));
        await services.GetRequiredService<IStorageLifecycle>().OpenReadOnlyAsync(Ct);
        var hits = await services.GetRequiredService<IPostSearch>().SearchAsync(new SearchRequest(SearchQuery.Parse(query)), Ct);
        return hits.Select(h => h.Post.Post.PostId).ToArray();
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
