using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Sqlite;
using Monitor.Testing;

namespace Monitor.Core.Tests.Storage;

/// <summary>The media migration on a database without media: old posts and versions read back with no media, nothing else changes.</summary>
public sealed class SqliteMediaMigrationTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempSqliteFile file = new();

    /// <summary>Schema 5 added <c>posts.media</c>.</summary>
    private const int SchemaBeforeMedia = 4;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_DatabaseWithoutMedia_AddsTheColumnAndOldPostsHaveNone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        await using (var connection = await OpenAsync())
        {
            await SqliteSchema.MigrateAsync(connection, Ct, upTo: SchemaBeforeMedia);
            await connection.ExecuteAsync("""
                INSERT INTO accounts (id, platform, handle, country, actor, enabled) VALUES ('a', 'rss', 'https://e.test/a.xml', 'GRC', 'ForeignMinistry', 1);
                INSERT INTO posts (platform, account_id, post_id, published_at, published_at_estimated, kind, title, text, content_hash, first_seen_at, last_seen_at)
                VALUES ('rss', 'a', 'p1', 1000, 0, 'post', 'T', 'Text', 'sha256:00', 2000, 3000);
                INSERT INTO post_versions (platform, account_id, post_id, version, reason, captured_at, content_hash, title, text, url, media)
                VALUES ('rss', 'a', 'p1', 1, 'created', 2000, 'sha256:00', 'T', 'Text', NULL, NULL);
                """, Ct);
            Assert.Equal(SchemaBeforeMedia, await SqliteSchema.MigrateAsync(connection, Ct));
            Assert.Equal(SqliteSchema.LatestVersion, await SqliteSchema.MigrateAsync(connection, Ct));
        }

        await using var services = MonitorTestServices.Build(file.Settings(), new FakeTimeProvider(Start));
        await services.GetRequiredService<IStorageLifecycle>().OpenReadOnlyAsync(Ct);
        var reader = services.GetRequiredService<IRecordReader>();
        var post = Assert.Single(await ReadAllAsync(reader.ReadPostsAsync(new RecordFilter(), Ct)));
        var version = Assert.Single(await ReadAllAsync(reader.ReadVersionsAsync(new RecordFilter(), Ct)));
        Assert.Equal(("p1", "Text"), (post.Post.PostId, post.Post.Text));
        Assert.Empty(post.Post.Media);
        Assert.Empty(version.Media);
    }

    public void Dispose() => file.Dispose();

    private static async Task<List<T>> ReadAllAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.Path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }
}
