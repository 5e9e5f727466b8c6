using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Storage;
using Monitor.Testing;

namespace Monitor.Core.Tests.Storage;

/// <summary>
/// The behaviour every store provider must show, run against each provider through the real service graph.
/// Each test gets a fresh store (one <see cref="CreateStoreSettings"/> call); several hosts in one test share it.
/// </summary>
public abstract partial class StoreContractTests : IAsyncDisposable
{
    protected static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private readonly List<ServiceProvider> providers = [];
    private IDictionary<string, string?>? settings;

    protected FakeTimeProvider Time { get; } = new(Start);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Settings selecting a new, empty store of the provider under test.</summary>
    protected abstract IDictionary<string, string?> CreateStoreSettings();

    /// <summary>Why the provider cannot be tested here (no server), or null to run.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>Starts a host (service provider) on this test's store and initializes the store.</summary>
    protected async Task<StoreHost> StartHostAsync(string owner = "host-1", Action<IServiceCollection>? configure = null)
    {
        settings ??= new Dictionary<string, string?>(CreateStoreSettings())
        {
            ["Monitor:Http:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Monitor:Http:Resilience:RetryMaxDelay"] = "00:00:00.050",
        };
        var provider = MonitorTestServices.Build(settings, Time, services =>
        {
            services.AddSingleton(new WorkerIdentity(owner));
            configure?.Invoke(services);
        });
        providers.Add(provider);
        var host = new StoreHost(provider, owner);
        await host.Lifecycle.InitializeAsync(Ct);
        return host;
    }

    /// <summary>Claims one account regardless of schedule and records a poll of it.</summary>
    protected async Task<PollWriteResult> RecordAsync(
        StoreHost host, string accountId, FetchResult result, DateTimeOffset? capturedAt = null, DateTimeOffset? nextPollAt = null, int failures = 0,
        string? captureId = null)
    {
        var at = capturedAt ?? Time.GetUtcNow();
        var leases = await host.Accounts.ClaimDueAsync(new ClaimRequest(host.Owner, at, Lease, 1, IgnoreSchedule: true, AccountId: accountId), Ct);
        var lease = Assert.Single(leases);
        return await host.Results.RecordPollAsync(
            new PollRecord(lease, at, result, TimeSpan.FromMilliseconds(250), nextPollAt ?? at + TimeSpan.FromMinutes(30), failures, CaptureId: captureId), Ct);
    }

    protected static async Task<PollState> StateOfAsync(StoreHost host, string accountId) =>
        (await host.Accounts.ListAccountsAsync(Ct)).Single(a => a.Account.Id == accountId).State;

    protected static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items.WithCancellation(Ct))
        {
            list.Add(item);
        }

        return list;
    }

    protected static TrackedAccount Account(string id, string platform = "rss", bool enabled = true) =>
        new(id, platform, $"https://example.test/{id}.xml", "GBR", ActorType.ForeignMinistry, $"Name {id}", "en", enabled);

    public virtual async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>One host's view of the shared store.</summary>
    protected sealed record StoreHost(ServiceProvider Services, string Owner)
    {
        public IAccountStore Accounts => Services.GetRequiredService<IAccountStore>();

        public IPollResultStore Results => Services.GetRequiredService<IPollResultStore>();

        public IRecordReader Reader => Services.GetRequiredService<IRecordReader>();

        public IStorageLifecycle Lifecycle => Services.GetRequiredService<IStorageLifecycle>();
    }
}
