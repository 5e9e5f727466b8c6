using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Sqlite;
using Monitor.Testing;

namespace Monitor.Core.Tests.Storage;

/// <summary>What only the SQLite store promises: its file, schema, atomic writes and health checks.</summary>
public sealed class SqliteStoreTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TempSqliteFile file = new();
    private readonly FakeTimeProvider time = new(Start);
    private ServiceProvider? services;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Initialize_MissingDirectory_CreatesTheFileInWalModeAtTheLatestVersion()
    {
        Assert.False(File.Exists(file.Path));

        await StartAsync();
        await StartAsync();

        Assert.Equal("wal", await ScalarAsync("PRAGMA journal_mode;"));
        Assert.Equal((long)SqliteSchema.LatestVersion, await ScalarAsync("PRAGMA user_version;"));
    }

    [Fact]
    public async Task Initialize_Schema_HasTheAgreedColumnsAndIndexes()
    {
        await StartAsync();

        Assert.Equal(
            "id,platform,handle,country,actor,name,language,enabled,last_poll_at,next_poll_at,last_success_at,consecutive_failures," +
            "last_status,last_error,cursor_etag,cursor_last_modified,cursor_position,cursor_external_id,lease_owner,lease_expires_at,lease_epoch,platform_created_at",
            await ScalarAsync("SELECT group_concat(name) FROM pragma_table_info('accounts');"));
        Assert.Equal(
            "platform,account_id,post_id,url,published_at,published_at_estimated,kind,title,text,language,author,replies,reposts," +
            "likes,views,source_updated_at,content_hash,first_seen_at,last_seen_at,edited_at,deleted_at,normaliser_version,absent_checks," +
            "deletion_evidence,latest_version,id,media,quotes,language_detected",
            await ScalarAsync("SELECT group_concat(name) FROM pragma_table_info('posts');"));
        Assert.Equal(
            "id,account_id,platform,captured_at,status,http_status,new_posts,seen_posts,followers,following,posts_total," +
            "latest_post_at,duration_ms,error,notes",
            await ScalarAsync("SELECT group_concat(name) FROM pragma_table_info('snapshots');"));
        Assert.Equal("ix_accounts_claim,ix_observations_account_published,ix_post_entities_window,ix_post_versions_account_captured,ix_post_versions_captured,ix_posts_published,ix_posts_report,ix_snapshots_report",
            await ScalarAsync("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%' ORDER BY name);"));
    }

    [Fact]
    public async Task Initialize_VersionOneDatabase_AddsTheClaimIndexAndRebuildsPostsWithTheirFirstVersions()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.Path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Ct);
            await SqliteSchema.MigrateAsync(connection, Ct, upTo: 1);
            await connection.ExecuteAsync("""
                INSERT INTO accounts (id, platform, handle, country, actor, enabled) VALUES ('a', 'rss', 'https://e.test/a.xml', 'GBR', 'Embassy', 1);
                INSERT INTO posts (platform, account_id, post_id, published_at, published_at_estimated, kind, title, text, content_hash, first_seen_at, last_seen_at, deleted_at)
                VALUES ('rss', 'a', 'p1', 1000, 0, 'post', 'T', 'Body', 'legacy', 2000, 3000, NULL),
                       ('rss', 'a', 'p2', 1000, 0, 'post', 'T2', 'Gone', 'legacy', 2000, 3000, 4000);
                """, Ct);
        }

        var progress = new List<string>();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.Path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync(Ct);
            Assert.Equal(1, await SqliteSchema.MigrateAsync(connection, Ct, new Progress<string>(progress.Add)));
        }

        Assert.Equal((long)SqliteSchema.LatestVersion, await ScalarAsync("PRAGMA user_version;"));
        // Migration 2's ix_accounts_due is replaced by 11's per-platform claim index.
        Assert.Equal("platform,next_poll_at,id,enabled,last_status,lease_owner,lease_expires_at,last_poll_at",
            await ScalarAsync("SELECT group_concat(name) FROM (SELECT name FROM pragma_index_info('ix_accounts_claim') ORDER BY seqno);"));
        Assert.Null(await ScalarAsync("SELECT name FROM sqlite_master WHERE name = 'ix_accounts_due';"));
        Assert.Equal(
            $"p1:1:created:2000:{ContentHash.Compute(new Post { PostId = "p1", PublishedAt = DateTimeOffset.UnixEpoch, Title = "T", Text = "Body" })}|p2:1:created:2000|p2:2:deleted:4000",
            await ScalarAsync("""
                SELECT group_concat(post_id || ':' || version || ':' || reason || ':' || captured_at || CASE WHEN post_id = 'p1' THEN ':' || content_hash ELSE '' END, '|')
                FROM (SELECT * FROM post_versions ORDER BY post_id, version);
                """));
        Assert.Equal("1,2", await ScalarAsync("SELECT group_concat(latest_version) FROM (SELECT latest_version FROM posts ORDER BY post_id);"));
        Assert.Equal(0L, await ScalarAsync("SELECT count(*) FROM sqlite_master WHERE name = 'posts_v3';"));
    }

    [Fact]
    public async Task Initialize_NewerSchemaVersion_FailsNamingBothVersions()
    {
        await StartAsync();
        await ScalarAsync("PRAGMA user_version = 99;");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync());

        Assert.Contains($"schema version 99, newer than this Monitor understands ({SqliteSchema.LatestVersion})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordPoll_FailureInTheMiddle_KeepsNothing()
    {
        var store = await StartAsync();
        await store.GetRequiredService<IAccountStore>().SyncAccountsAsync([Account("a")], Start, Ct);
        var cursor = new PollCursor(ETag: "\"1\"");
        await RecordAsync(store, new FetchResult { Status = PollStatus.Ok, Cursor = cursor, Posts = [Post("kept")] });
        var before = (await store.GetRequiredService<IAccountStore>().ListAccountsAsync(Ct)).Single().State;

        // A post without id violates posts.post_id NOT NULL after the first post was already written.
        var broken = new FetchResult
        {
            Status = PollStatus.Ok,
            Cursor = new PollCursor(ETag: "\"2\""),
            Posts = [Post("new"), Post("kept") with { Text = "edited" }, Post(null!)],
            Deletions = [new PostDeletion("kept", DeletionEvidence.NotFound)],
        };
        await Assert.ThrowsAnyAsync<Exception>(() => RecordAsync(store, broken, Start.AddHours(1)));

        Assert.Equal(before, (await store.GetRequiredService<IAccountStore>().ListAccountsAsync(Ct)).Single().State);
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM posts;"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM snapshots;"));
        Assert.Equal(1L, await ScalarAsync("SELECT count(*) FROM posts WHERE text = 'Text' AND deleted_at IS NULL AND last_seen_at = first_seen_at;"));

        // The failed poll's lease is kept too: the account returns to the pool when it expires (PollCycle relies on it).
        var claims = store.GetRequiredService<IAccountStore>();
        Assert.Empty(await claims.ClaimDueAsync(new ClaimRequest("next", Start.AddHours(1), TimeSpan.FromMinutes(5), 1, IgnoreSchedule: true), Ct));
        Assert.Single(await claims.ClaimDueAsync(new ClaimRequest("next", Start.AddMinutes(65), TimeSpan.FromMinutes(5), 1, IgnoreSchedule: true), Ct));
    }

    [Fact]
    public async Task RecordPoll_Rows_StoreNamesAndUnixMilliseconds()
    {
        var store = await StartAsync();
        await store.GetRequiredService<IAccountStore>().SyncAccountsAsync([Account("a")], Start, Ct);

        await RecordAsync(store, new FetchResult { Status = PollStatus.NotModified, Posts = [Post("1") with { Kind = PostKind.Repost }] });

        Assert.Equal("ForeignMinistry|notModified|1", await ScalarAsync("SELECT actor || '|' || last_status || '|' || enabled FROM accounts;"));
        Assert.Equal($"repost|{Start.ToUnixTimeMilliseconds()}|0", await ScalarAsync("SELECT kind || '|' || first_seen_at || '|' || published_at_estimated FROM posts;"));
        Assert.Equal($"notModified|{Start.ToUnixTimeMilliseconds()}", await ScalarAsync("SELECT status || '|' || captured_at FROM snapshots;"));
    }

    [Fact]
    public async Task SyncAccounts_ChangedHandle_ResetsTheCursorOnly()
    {
        var store = await StartAsync();
        var accounts = store.GetRequiredService<IAccountStore>();
        await accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        await RecordAsync(store, new FetchResult { Status = PollStatus.Ok, Cursor = new PollCursor("e", "m", "p", "x") });
        var before = (await accounts.ListAccountsAsync(Ct)).Single().State;

        await accounts.SyncAccountsAsync([Account("a") with { Handle = "https://other.test/feed.xml" }], Start, Ct);

        var after = (await accounts.ListAccountsAsync(Ct)).Single();
        Assert.Equal("https://other.test/feed.xml", after.Account.Handle);
        Assert.Equal(before with { Cursor = PollCursor.Empty }, after.State);
    }

    [Fact]
    public async Task CheckHealth_DeletedFile_ReturnsTheReason()
    {
        var store = await StartAsync();
        File.Delete(file.Path);

        var reason = await store.GetRequiredService<IStorageLifecycle>().CheckHealthAsync(Ct);

        Assert.Equal($"The SQLite database file {file.Path} does not exist.", reason);
    }

    [Fact]
    public async Task CheckHealth_ReadOnlyFile_ReturnsTheReason()
    {
        var store = await StartAsync();
        File.SetAttributes(file.Path, FileAttributes.ReadOnly);
        Assert.SkipWhen(CanWrite(file.Path), "running with rights that ignore read-only files (root): the file stays writable");

        var reason = await store.GetRequiredService<IStorageLifecycle>().CheckHealthAsync(Ct);

        Assert.StartsWith($"The SQLite database file {file.Path} is not writable", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolvePath_RelativePath_ResolvesAgainstTheCurrentDirectory()
    {
        Assert.Equal(Path.Combine(Environment.CurrentDirectory, "data", "monitor.db"), SqliteDatabase.ResolvePath(Path.Combine("data", "monitor.db")));
        Assert.Equal(file.Path, SqliteDatabase.ResolvePath(file.Path));
    }

    public async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        file.Dispose();
    }

    private async Task<ServiceProvider> StartAsync()
    {
        services ??= MonitorTestServices.Build(file.Settings(), time);
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(Ct);
        return services;
    }

    private static async Task RecordAsync(ServiceProvider store, FetchResult result, DateTimeOffset? at = null)
    {
        var now = at ?? Start;
        var lease = (await store.GetRequiredService<IAccountStore>().ClaimDueAsync(
            new ClaimRequest("w1", now, TimeSpan.FromMinutes(5), 1, IgnoreSchedule: true), Ct)).Single();
        await store.GetRequiredService<IPollResultStore>().RecordPollAsync(
            new PollRecord(lease, now, result, TimeSpan.FromSeconds(1), now.AddMinutes(30), 0), Ct);
    }

    [Theory]
    [InlineData(nameof(SqliteStore.NeverScheduledSql))]
    [InlineData(nameof(SqliteStore.ScheduledSql))]
    public async Task ClaimCandidates_QueryPlan_OneRangeOfTheClaimIndexWithoutASort(string name)
    {
        // Without ANALYZE (Monitor never runs it on a new file): each stream is one platform's range, already in order.
        await StartAsync();
        var sql = name == nameof(SqliteStore.ScheduledSql) ? SqliteStore.ScheduledSql : SqliteStore.NeverScheduledSql;
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.Path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var parameter in new[] { "$platform", "$now", "$due", "$accountId", "$polledBefore", "$limit" })
        {
            command.Parameters.AddWithValue(parameter, parameter == "$limit" ? 10 : DBNull.Value);
        }

        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(3));
            }
        }

        var step = Assert.Single(plan);
        Assert.StartsWith("SEARCH accounts USING INDEX ix_accounts_claim (platform=? AND next_poll_at", step, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimPlatforms_QueryPlan_SeeksOncePerPlatformInsteadOfReadingEveryAccount()
    {
        // A plain SELECT DISTINCT reads every index entry when no ANALYZE statistics exist, as in Monitor's files.
        await StartAsync();
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.Path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await connection.ExecuteAsync("""
            INSERT INTO accounts (id, platform, handle, country, actor, enabled) VALUES
              ('a', 'rss', 'h', 'GBR', 'Embassy', 1), ('b', 'x', 'h', 'GBR', 'Embassy', 1), ('c', 'rss', 'h', 'GBR', 'Embassy', 0),
              ('d', 'bluesky', 'h', 'GBR', 'Embassy', 1);
            """, Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + SqliteStore.PlatformsSql;
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN accounts", StringComparison.Ordinal) || step.StartsWith("SCAN a ", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX ix_accounts_claim (platform>?)", StringComparison.Ordinal));
        command.CommandText = SqliteStore.PlatformsSql;
        var platforms = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                platforms.Add(reader.GetString(0));
            }
        }

        Assert.Equal(["bluesky", "rss", "x"], platforms);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.Path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    private static bool CanWrite(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static TrackedAccount Account(string id) =>
        new(id, Platforms.Rss, $"https://example.test/{id}.xml", "FRA", ActorType.ForeignMinistry);

    private static Post Post(string id) => new() { PostId = id, PublishedAt = Start.AddDays(-1), Title = "T", Text = "Text" };
}
