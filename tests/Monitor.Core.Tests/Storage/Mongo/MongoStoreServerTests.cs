using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Adapters;
using Monitor.Core.Storage;
using MongoDB.Bson;
using MongoDB.Driver;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>
/// What only a real server shows: time-series creation, atomic claims between worker processes, duplicate-key races.
/// Runs where <c>MONITOR_TEST_MONGODB</c> names a server (CI's mongo:8 service), each test in its own database.
/// </summary>
public sealed class MongoStoreServerTests : IAsyncDisposable
{
    private static readonly string? Server = Environment.GetEnvironmentVariable("MONITOR_TEST_MONGODB");
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromMinutes(5);
    private readonly string database = "monitor_test_" + Guid.NewGuid().ToString("N");
    private readonly List<ServiceProvider> workers = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InitializeAsync_Twice_CreatesTimeSeriesSnapshotsAndTheUniquePostIdentity()
    {
        var worker = Worker();
        var lifecycle = worker.GetRequiredService<IStorageLifecycle>();

        await lifecycle.InitializeAsync(Ct);
        await lifecycle.InitializeAsync(Ct);

        var db = worker.GetRequiredService<IMongoClient>().GetDatabase(database);
        using var collections = await db.ListCollectionsAsync(new ListCollectionsOptions { Filter = new BsonDocument("name", "snapshots") }, Ct);
        var snapshots = Assert.Single(await collections.ToListAsync(Ct));
        Assert.Equal("timeseries", snapshots["type"].AsString);
        Assert.Equal("capturedAt", snapshots["options"]["timeseries"]["timeField"].AsString);
        Assert.Equal("meta", snapshots["options"]["timeseries"]["metaField"].AsString);
        using var postIndexes = await db.GetCollection<BsonDocument>("posts").Indexes.ListAsync(Ct);
        var identity = Assert.Single(await postIndexes.ToListAsync(Ct), index => index["name"] == "posts_identity");
        Assert.True(identity["unique"].ToBoolean());
        Assert.Null(await lifecycle.CheckHealthAsync(Ct));
    }

    [Fact]
    public async Task ClaimDueAsync_ManyWorkersAtOnce_HandOutEachAccountOnce()
    {
        var (a, b) = (Worker(), Worker());
        await a.GetRequiredService<IStorageLifecycle>().InitializeAsync(Ct);
        var accounts = Enumerable.Range(0, 30).Select(i => Account with { Id = $"acct-{i:00}" }).ToArray();
        await a.GetRequiredService<IAccountStore>().SyncAccountsAsync(accounts, Now, Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? a : b).GetRequiredService<IAccountStore>().ClaimDueAsync(new ClaimRequest($"w{i}", Now, LeaseDuration, 10), Ct)));

        var claimed = claims.SelectMany(leases => leases).Select(lease => lease.Account.Id).Order(StringComparer.Ordinal);
        Assert.Equal(accounts.Select(account => account.Id), claimed);
    }

    [Fact]
    public async Task ClaimDueAsync_ExpiredLease_IsTakenOver()
    {
        var store = Worker().GetRequiredService<IAccountStore>();
        await store.SyncAccountsAsync([Account], Now, Ct);

        Assert.Single(await store.ClaimDueAsync(new ClaimRequest("w1", Now, LeaseDuration, 5), Ct));
        Assert.Empty(await store.ClaimDueAsync(new ClaimRequest("w2", Now.AddMinutes(4), LeaseDuration, 5), Ct));
        var taken = Assert.Single(await store.ClaimDueAsync(new ClaimRequest("w2", Now.AddMinutes(6), LeaseDuration, 5), Ct));

        Assert.Equal(("w2", Now.AddMinutes(11)), (taken.Owner, taken.ExpiresAt));
    }

    [Fact]
    public async Task RecordPollAsync_SamePollTwice_StoresPostsAndSnapshotOnceAndAdvancesTheCursor()
    {
        var worker = Worker();
        await worker.GetRequiredService<IStorageLifecycle>().InitializeAsync(Ct);
        var accounts = worker.GetRequiredService<IAccountStore>();
        await accounts.SyncAccountsAsync([Account], Now, Ct);
        var lease = Assert.Single(await accounts.ClaimDueAsync(new ClaimRequest("w1", Now, LeaseDuration, 1), Ct));
        var result = new FetchResult { Status = PollStatus.Ok, Posts = [Post("1"), Post("2")], Cursor = new PollCursor(Position: "2") };
        var record = new PollRecord(lease, Now, result, TimeSpan.FromSeconds(1), Now.AddMinutes(15), 0);
        var results = worker.GetRequiredService<IPollResultStore>();

        var first = await results.RecordPollAsync(record, Ct);
        var again = await results.RecordPollAsync(record, Ct);

        Assert.Equal((2, 0), (first.NewPosts, again.NewPosts));
        var reader = worker.GetRequiredService<IRecordReader>();
        Assert.Equal(["1", "2"], (await Collect(reader.ReadPostsAsync(new RecordFilter(), Ct))).Select(post => post.Post.PostId));
        Assert.Equal(first.Snapshot, Assert.Single(await Collect(reader.ReadSnapshotsAsync(new RecordFilter(), Ct))));
        Assert.Equal("2", Assert.Single(await accounts.ListAccountsAsync(Ct)).State.Cursor.Position);
        Assert.Single(await accounts.ClaimDueAsync(new ClaimRequest("w2", Now, LeaseDuration, 1, IgnoreSchedule: true), Ct));
    }

    [Fact]
    public async Task RecordPollAsync_TwoWorkersStoringTheSamePosts_InsertEachOnce()
    {
        var (a, b) = (Worker(), Worker());
        await a.GetRequiredService<IStorageLifecycle>().InitializeAsync(Ct);
        var posts = Enumerable.Range(0, 50).Select(i => Post($"p{i:00}")).ToArray();
        var result = new FetchResult { Status = PollStatus.Ok, Posts = posts };

        var written = await Task.WhenAll(
            a.GetRequiredService<IPollResultStore>().RecordPollAsync(Poll(result, Now), Ct),
            b.GetRequiredService<IPollResultStore>().RecordPollAsync(Poll(result, Now.AddSeconds(1)), Ct));

        Assert.Equal(50, written.Sum(write => write.NewPosts));
        var stored = await Collect(a.GetRequiredService<IRecordReader>().ReadPostsAsync(new RecordFilter(), Ct));
        Assert.Equal(50, stored.Count);
    }

    public async ValueTask DisposeAsync()
    {
        if (workers.Count > 0)
        {
            await workers[0].GetRequiredService<IMongoClient>().DropDatabaseAsync(database, CancellationToken.None);
        }

        foreach (var worker in workers)
        {
            await worker.DisposeAsync();
        }
    }

    /// <summary>A worker process of its own (own MongoClient) on this test's database.</summary>
    private ServiceProvider Worker()
    {
        Assert.SkipWhen(string.IsNullOrEmpty(Server), "MONITOR_TEST_MONGODB is not set (e.g. mongodb://localhost:27017).");
        var worker = MongoTestServices.Build(Server!, database);
        workers.Add(worker);
        return worker;
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
