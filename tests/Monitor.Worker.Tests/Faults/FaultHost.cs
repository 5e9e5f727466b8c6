using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Polling;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Testing;

namespace Monitor.Worker.Tests.Faults;

/// <summary>
/// Monitor's real service graph (SQLite store, rss adapter, Polly pipeline, poll cycle) in-process, polling a
/// <see cref="FeedFarm"/>, with quick retries and a one-second attempt timeout.
/// </summary>
internal sealed class FaultHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private FaultHost(ServiceProvider services) => this.services = services;

    public FakeLogCollector Logs => services.GetFakeLogCollector();

    public IServiceProvider Services => services;

    /// <summary>Settings every fault test shares; <paramref name="databasePath"/> is the SQLite file.</summary>
    public static Dictionary<string, string?> Settings(string databasePath) => new()
    {
        ["Monitor:Storage:Provider"] = "Sqlite",
        ["Monitor:Storage:Sqlite:Path"] = databasePath,
        ["Monitor:Platforms:Rss:RequestTimeout"] = "00:00:01",
        ["Monitor:Http:Resilience:RetryBaseDelay"] = "00:00:00.010",
        ["Monitor:Http:Resilience:RetryMaxDelay"] = "00:00:00.050",
        ["Monitor:Http:Resilience:BreakerBreakDuration"] = "00:00:01",
        ["Monitor:Polling:MaxConcurrency"] = "8",
        ["Monitor:Polling:MaxConcurrencyPerHost"] = "8",
    };

    public static async Task<FaultHost> StartAsync(
        FeedFarm farm, string databasePath, IDictionary<string, string?>? extra = null, TimeProvider? time = null)
    {
        var settings = Settings(databasePath);
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = new FaultHost(MonitorTestServices.Build(settings, time));
        var accounts = Enumerable.Range(0, farm.FeedCount)
            .Select(f => new TrackedAccount(FeedFarm.AccountId(f), Platforms.Rss, farm.FeedUrl(f), "GBR", ActorType.Embassy))
            .ToArray();
        var ct = TestContext.Current.CancellationToken;
        await host.services.GetRequiredService<IStorageLifecycle>().InitializeAsync(ct);
        await host.services.GetRequiredService<IAccountStore>().SyncAccountsAsync(accounts, DateTimeOffset.UtcNow, ct);
        return host;
    }

    /// <summary>One <c>ingest --once</c>-style cycle: every enabled account, due or not.</summary>
    public Task<CycleSummary> CycleAsync() =>
        services.GetRequiredService<PollCycle>().RunAsync(new CycleRequest(IgnoreSchedule: true), TestContext.Current.CancellationToken);

    public Task<List<StoredPost>> PostsAsync() => PostsAsync(services);

    public async Task<List<ActivitySnapshot>> SnapshotsAsync() =>
        await services.GetRequiredService<IRecordReader>().ReadSnapshotsAsync(new RecordFilter(), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

    public async Task<IReadOnlyList<AccountRecord>> AccountsAsync() =>
        await services.GetRequiredService<IAccountStore>().ListAccountsAsync(TestContext.Current.CancellationToken);

    /// <summary>Every stored post of a database file, read through a fresh service graph.</summary>
    public static async Task<List<StoredPost>> ReadPostsAsync(string databasePath)
    {
        await using var reader = MonitorTestServices.Build(Settings(databasePath));
        return await PostsAsync(reader);
    }

    /// <summary>(account id, post id) of stored posts, asserting that none is stored twice.</summary>
    public static IReadOnlySet<(string AccountId, string PostId)> Keys(IReadOnlyCollection<StoredPost> posts)
    {
        var keys = posts.Select(p => (p.AccountId, p.Post.PostId)).ToList();
        var duplicates = keys.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key.ToString()).ToList();
        Assert.True(duplicates.Count == 0, "stored twice: " + string.Join(", ", duplicates));
        return keys.ToHashSet();
    }

    /// <summary><c>PRAGMA integrity_check</c> of a database file.</summary>
    public static string IntegrityCheck(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)command.ExecuteScalar()!;
    }

    private static async Task<List<StoredPost>> PostsAsync(IServiceProvider provider) =>
        await provider.GetRequiredService<IRecordReader>().ReadPostsAsync(new RecordFilter(), TestContext.Current.CancellationToken)
            .ToListAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
