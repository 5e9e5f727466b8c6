using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Polling;
using Monitor.Core.Polling.Budgets;
using Monitor.Core.Storage;
using Monitor.Testing;

namespace Monitor.Core.Tests.Polling.Budgets;

public sealed class PollCycleBudgetTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Reset = Start.AddHours(1);
    private readonly string directory = Directory.CreateTempSubdirectory("monitor-budget-").FullName;
    private readonly FakeTimeProvider time = new(Start);
    private readonly ScriptedAdapter adapter = new();
    private ServiceProvider services = null!;

    public async ValueTask InitializeAsync()
    {
        services = MonitorTestServices.Build(
            new Dictionary<string, string?>
            {
                ["Monitor:Storage:Sqlite:Path"] = Path.Combine(directory, "monitor.db"),
                ["Monitor:Polling:MaxConcurrency"] = "1",
                ["Monitor:Polling:Adaptive"] = "false",
                ["Monitor:Polling:DefaultInterval"] = "00:30:00",
            },
            time,
            s => s.AddSingleton<IPlatformAdapter>(adapter)
                .AddSingleton(new PlatformBudget(ScriptedAdapter.Key, new RequestBudgetOptions { Requests = 4, Window = TimeSpan.FromHours(1) }, "requests")));
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(CancellationToken.None);
        foreach (var handle in new[] { "a", "b", "c" })
        {
            // Each poll sends two requests, as the HTTP layer's meter counts them.
            adapter.On(handle, _ =>
            {
                RequestMeter.Current!.Add(2);
                return new FetchResult { Status = PollStatus.Ok, HttpStatus = 200 };
            });
        }

        await services.GetRequiredService<IAccountStore>().SyncAccountsAsync(
            new[] { "a", "b", "c" }.Select(h => new TrackedAccount(h, ScriptedAdapter.Key, h, "GBR", ActorType.Embassy)).ToArray(),
            time.GetUtcNow(), CancellationToken.None);
    }

    [Fact]
    public async Task RunAsync_BudgetSpent_DefersTheAccountToTheResetWithABudgetError()
    {
        using var deferrals = new MetricCollector<long>(null, MonitorMetrics.MeterName, "monitor.budget.deferrals");

        var summary = await RunCycleAsync();

        Assert.Equal(1, deferrals.GetMeasurementSnapshot().Where(m => Equals(m.Tags["platform"], ScriptedAdapter.Key)).Sum(m => m.Value));
        var deferred = Assert.Single(summary.Polls, p => p.Status == PollStatus.RateLimited);
        Assert.Equal("budget: test requests spent (4 requests per 01:00:00); resets at 2026-11-01T13:00:00Z", deferred.Error);
        Assert.Equal(2, adapter.Calls.Values.Sum());
        var states = await StatesAsync();
        Assert.Equal(Reset, states[deferred.AccountId].NextPollAt);
        Assert.Equal(deferred.Error, states[deferred.AccountId].LastError);
        Assert.Equal(0, states[deferred.AccountId].ConsecutiveFailures);
        Assert.Equal(3, summary.Polls.Count);
    }

    [Fact]
    public async Task RunAsync_WindowRollsOver_PollsTheDeferredAccountAndStretchesTheOthers()
    {
        var first = await RunCycleAsync();
        var deferred = first.Polls.Single(p => p.Status == PollStatus.RateLimited).AccountId;
        var polled = first.Polls.Where(p => p.Status == PollStatus.Ok).Select(p => p.AccountId).ToArray();

        time.SetUtcNow(Reset);
        var second = await RunCycleAsync();

        Assert.Equal(deferred, Assert.Single(second.Polls).AccountId);
        Assert.Equal(PollStatus.Ok, second.Polls[0].Status);
        // 1 h × 3 accounts × 2 requests a poll ÷ 4 requests = 1.5 h, not the 30-minute default interval.
        var states = await StatesAsync();
        Assert.All(polled, id => Assert.Equal(Start.AddMinutes(90), states[id].NextPollAt));
    }

    private Task<CycleSummary> RunCycleAsync() =>
        services.GetRequiredService<PollCycle>().RunAsync(new CycleRequest(), CancellationToken.None);

    private async Task<Dictionary<string, PollState>> StatesAsync() =>
        (await services.GetRequiredService<IAccountStore>().ListAccountsAsync(CancellationToken.None)).ToDictionary(r => r.Account.Id, r => r.State);

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
