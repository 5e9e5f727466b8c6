using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Polling;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// End to end over simulated months: the real <see cref="AccountPoller"/> with adaptive scheduling polls each account
/// when it is due (FakeTimeProvider jumps to the next due poll), through a simulated 20-item feed with a post counter,
/// into the store; then every metric is checked against the generated ground truth.
/// </summary>
public sealed class PollerGroundTruthTests : IDisposable
{
    private readonly GroundTruthHistory history = GroundTruthHistory.Generate(simulatePolls: false);
    private readonly ActivityTestDatabase database = new();
    private readonly FakeTimeProvider time = new(GroundTruthHistory.HistoryStart.AddMinutes(30));

    [Fact]
    public async Task PollAsync_MonthsOfAdaptivePolls_ReportsMatchGroundTruth()
    {
        var store = await PollUntilAsync(GroundTruthHistory.HistoryEnd);
        var window = new ActivityWindow(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        var calculator = new ActivityCalculator(Options.Create(new ActivityOptions()), time);

        var facts = await database.Queries.QueryActivityAsync(window, TestContext.Current.CancellationToken);

        foreach (var row in facts.Select(f => calculator.Compute(f, window)))
        {
            var expected = ExpectedActivity.Compute(history, row.AccountId, window, time.GetUtcNow(), row.AccountId == "suspended" ? "suspended" : "ok");
            Assert.Equal(Json(expected), Json(row));
        }

        var overflow = calculator.Compute(facts.Single(f => f.Account.Id == "overflow"), window);
        Assert.True(overflow.EstimatedMissed >= GroundTruthHistory.OverflowBurst - GroundTruthHistory.FeedWindow, $"missed {overflow.EstimatedMissed}");
        Assert.Equal(
            history.Truth.Count(p => p.AccountId == "regular" && p.PublishedAt >= window.Start && p.PublishedAt < window.End),
            calculator.Compute(facts.Single(f => f.Account.Id == "regular"), window).Posts);
        // Adaptive: 3 posts a day → one week ÷ 21 = 8 h between polls; a silent account waits MaxInterval (1 day).
        Assert.Equal(TimeSpan.FromHours(8), store.NextPollAt["regular"] - store.LastPollAt["regular"]);
        Assert.Equal(TimeSpan.FromDays(1), store.NextPollAt["silent"] - store.LastPollAt["silent"]);
    }

    public void Dispose() => database.Dispose();

    private async Task<SimulatedPollStore> PollUntilAsync(DateTimeOffset end)
    {
        var store = new SimulatedPollStore(database, history);
        var platforms = GroundTruthHistory.Accounts.Select(a => a.Platform).Distinct();
        var poller = new AccountPoller(
            new AdapterRegistry(platforms.Select(p => new SimulatedFeedAdapter(p, history, time))),
            new UnusedAccountStore(), store, new NextPollCalculator(Options.Create(new PollingOptions())),
            new SecretRedactor(new ConfigurationBuilder().Build()), Options.Create(new PollingOptions()), time,
            NullLogger<AccountPoller>.Instance);
        var states = GroundTruthHistory.Accounts.ToDictionary(a => a.Id, _ => PollState.New);
        foreach (var account in GroundTruthHistory.Accounts)
        {
            database.AddAccount(account, lastStatus: null);
            store.NextPollAt[account.Id] = time.GetUtcNow();
        }

        while (store.NextPollAt.Values.Min() is var due && due < end)
        {
            time.SetUtcNow(due);
            var account = GroundTruthHistory.Account(store.NextPollAt.First(kv => kv.Value == due).Key);
            var summary = await poller.PollAsync(new AccountLease(account, states[account.Id], "test", due.AddMinutes(10)), TestContext.Current.CancellationToken);
            var state = states[account.Id];
            states[account.Id] = summary.Status.IsSuccess()
                ? state with { LastSuccessAt = due, ConsecutiveFailures = 0, LastStatus = summary.Status }
                : state with { ConsecutiveFailures = state.ConsecutiveFailures + 1, LastStatus = summary.Status };
        }

        return store;
    }

    private static string Json(AccountActivity row) => JsonSerializer.Serialize(row, ReportJsonContext.Default.AccountActivity);

    private sealed class UnusedAccountStore : IAccountStore
    {
        public Task SyncAccountsAsync(IReadOnlyCollection<TrackedAccount> accounts, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<AccountRecord>> ListAccountsAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<AccountLease>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task ReleaseAsync(AccountLease lease, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task DeferPlatformAsync(string platform, DateTimeOffset until, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
