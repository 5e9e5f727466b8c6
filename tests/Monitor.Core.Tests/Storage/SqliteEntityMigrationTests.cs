using Microsoft.Data.Sqlite;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Storage;

/// <summary>
/// The entities migration (schema 8) on a database at schema 7:
/// hashtags, mentions, links and repost authors are extracted for the posts already stored.
/// </summary>
public sealed class SqliteEntityMigrationTests : IDisposable
{
    private readonly TempSqliteFile file = new();

    /// <summary>Schema 8 added <c>post_entities</c>.</summary>
    private const int SchemaBeforeEntities = 7;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_OlderDatabase_ExtractsTheEntitiesOfEveryStoredPost()
    {
        await CreateOlderAsync();

        await using (var connection = await OpenAsync())
        {
            Assert.Equal(SchemaBeforeEntities, await SqliteSchema.MigrateAsync(connection, Ct));
        }

        Assert.Equal((long)SqliteSchema.LatestVersion, await ScalarAsync("PRAGMA user_version;"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'post_entities_backfill';"));
        Assert.Equal(
            "1|hashtag|klima|a|1000;1|link|https://gov.example/a|a|1000;1|mention|bob@social.example|a|1000;2|repost|carol@other.example|a|5000",
            await ScalarAsync("""
                SELECT group_concat(row, ';') FROM (SELECT post_rowid || '|' || type || '|' || value || '|' || account_id || '|' || published_at AS row
                FROM post_entities ORDER BY post_rowid, type, value);
                """));
    }

    [Fact]
    public async Task Migrate_InterruptedBackfill_ResumesAfterTheLastIndexedPost()
    {
        await CreateOlderAsync();
        await using (var connection = await OpenAsync())
        {
            await connection.ExecuteAsync(SqliteEntityIndex.CreateTables, Ct);
            await connection.ExecuteAsync(
                "INSERT INTO post_entities (post_rowid, type, value, account_id, published_at) VALUES (1, 'hashtag', 'done', 'a', 1000); UPDATE post_entities_backfill SET last_id = 1;", Ct);
            await SqliteSchema.MigrateAsync(connection, Ct);
        }

        Assert.Equal("1:done;2:carol@other.example", await ScalarAsync(
            "SELECT group_concat(row, ';') FROM (SELECT post_rowid || ':' || value AS row FROM post_entities ORDER BY post_rowid, value);"));
    }

    [Fact]
    public async Task Migrate_Twice_IsANoOp()
    {
        await CreateOlderAsync();
        await using var connection = await OpenAsync();
        await SqliteSchema.MigrateAsync(connection, Ct);

        Assert.Equal(SqliteSchema.LatestVersion, await SqliteSchema.MigrateAsync(connection, Ct));
        Assert.Equal(4L, await ScalarAsync("SELECT count(*) FROM post_entities;"));
    }

    public void Dispose() => file.Dispose();

    private async Task CreateOlderAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        await using var connection = await OpenAsync();
        await SqliteSchema.MigrateAsync(connection, Ct, upTo: SchemaBeforeEntities);
        await connection.ExecuteAsync("""
            INSERT INTO accounts (id, platform, handle, country, actor, enabled) VALUES ('a', 'mastodon', '@alice@social.example', 'DEU', 'ForeignMinistry', 1);
            INSERT INTO posts (platform, account_id, post_id, published_at, published_at_estimated, kind, title, text, author, content_hash, first_seen_at, last_seen_at)
            VALUES ('mastodon', 'a', 'p1', 1000, 0, 'post', NULL, 'Mit @bob@social.example zum #Klima: https://gov.example/a?utm_medium=x', 'alice', 'h1', 2000, 3000),
                   ('mastodon', 'a', 'p2', 5000, 0, 'repost', NULL, 'Boosted #other', 'Carol@Other.Example', 'h2', 6000, 7000);
            """, Ct);
        Assert.Equal((long)SchemaBeforeEntities, await ScalarAsync("PRAGMA user_version;"));
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
