using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Storage;
using Monitor.Core.Tests.Storage;
using Monitor.Testing;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// End to end over simulated weeks, through the real service graph: the SQLite store, <see cref="PollCycle"/> claiming
/// due accounts, <see cref="AccountPoller"/> with adaptive <see cref="NextPollCalculator"/>, and the real <c>rss</c> and
/// <c>x</c> adapters over HttpClient and the Polly pipeline, reading the generated histories from a 127.0.0.1 server
/// that shows them as of the FakeTimeProvider's now. Time jumps from one due poll to the next. Every metric read
/// back through <see cref="Core.Storage.Sqlite.SqliteActivityQueries"/> must equal the one computed from the ground truth.
/// </summary>
public sealed class PollerGroundTruthTests : IAsyncLifetime
{
    private const int XPageSize = 100;
    private const int XBackfillPages = 5;
    private static readonly DateTimeOffset PollStart = new(2026, 3, 25, 0, 30, 0, TimeSpan.Zero);
    private readonly GroundTruthHistory history = GroundTruthHistory.Generate(simulatePolls: false);
    private readonly TempSqliteFile file = new();
    private readonly FakeTimeProvider time = new(PollStart);
    private LoopbackServer server = null!;
    private ServiceProvider services = null!;

    public async ValueTask InitializeAsync()
    {
        server = await GroundTruthServer.StartAsync(history, time);
        var settings = file.Settings();
        settings["Monitor:Http:Resilience:RetryBaseDelay"] = "00:00:00.010";
        settings["Monitor:Http:Resilience:RetryMaxDelay"] = "00:00:00.050";
        settings["Monitor:Polling:Adaptive"] = "true";
        settings["Monitor:Platforms:X:BaseUrl"] = server.BaseUrl.ToString();
        settings["Monitor:Platforms:X:BearerToken"] = GroundTruthXApi.BearerToken;
        settings["Monitor:Platforms:X:MaxBackfillPages"] = XBackfillPages.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // One page of 100 per regular poll: a burst of more than 100 posts between two polls loses its oldest posts.
        settings["Monitor:Platforms:X:MaxPagesPerPoll"] = "1";
        services = MonitorTestServices.Build(settings, time);
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RunAsync_WeeksOfAdaptivePollsOverHttp_EveryMetricMatchesGroundTruth()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var store = services.GetRequiredService<IAccountStore>();
        var accounts = GroundTruthHistory.Accounts.Select(a => a.Platform == Platforms.Rss ? a with { Handle = server.Url(a.Handle) } : a).ToList();
        await store.SyncAccountsAsync(accounts, time.GetUtcNow(), cancellationToken);

        await PollUntilAsync(store, GroundTruthHistory.HistoryEnd, cancellationToken);
        var snapshots = await ObserveStoredPollsAsync(cancellationToken);

        // The counts each poll stored are the platform's counts at that moment.
        Assert.Equal(history.Snapshots, snapshots);

        await AssertStoredPostsAreTheCapturedOnesAsync(cancellationToken);
        var expectedLost = AssertOnlyTheOverflowBurstWasLost(snapshots);
        Assert.Contains(services.GetFakeLogCollector().GetSnapshot(), r => r.Id.Id == 2402 /* XPageCapReached */ && r.Message.Contains("overflow", StringComparison.Ordinal));

        foreach (var (from, to) in new[] { ("2026-04-01", "2026-04-30"), ("2026-04-10", "2026-04-10"), ("2026-03-25", "2026-04-30") })
        {
            var rows = await ComputeActivityAsync(new ActivityWindow(DateOnly.Parse(from), DateOnly.Parse(to)), cancellationToken);
            Assert.Equal(GroundTruthHistory.Accounts.Select(a => a.Id), rows.Select(r => r.AccountId));
            Assert.Equal(expectedLost, rows.Single(r => r.AccountId == GroundTruthHistory.Overflow.Id).EstimatedMissed);
            Assert.Equal(0, rows.Single(r => r.AccountId == GroundTruthHistory.Regular.Id).EstimatedMissed);
        }

        // Adaptive: 3 posts a day → one week ÷ 21 = 8 h between polls; a silent feed waits MaxInterval (1 day).
        var states = (await store.ListAccountsAsync(cancellationToken)).ToDictionary(r => r.Account.Id, r => r.State);
        Assert.Equal(TimeSpan.FromHours(8), states["regular"].NextPollAt - states["regular"].LastPollAt);
        Assert.Equal(TimeSpan.FromDays(1), states["silent"].NextPollAt - states["silent"].LastPollAt);
        Assert.Equal(PollStatus.Suspended, states["suspended"].LastStatus);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
        file.Dispose();
    }

    /// <summary>Runs poll cycles, moving the clock to the earliest due account each time, until none is due before <paramref name="end"/>.</summary>
    private async Task PollUntilAsync(IAccountStore store, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var cycle = services.GetRequiredService<PollCycle>();
        for (var cycles = 0; ; cycles++)
        {
            Assert.True(cycles < 5_000, "The schedule does not converge.");
            var records = await store.ListAccountsAsync(cancellationToken);
            var due = records.Min(r => r.State.NextPollAt ?? time.GetUtcNow());
            if (due >= end)
            {
                return;
            }

            if (due > time.GetUtcNow())
            {
                time.SetUtcNow(due);
            }

            var summary = await cycle.RunAsync(new CycleRequest(), cancellationToken);
            Assert.NotEmpty(summary.Polls);
        }
    }

    /// <summary>
    /// Replays the stored poll times against the ground truth: what each poll should have seen (a feed's newest 20,
    /// X's newest 100 per regular poll or 500 on the first) and counted. Returns the counts the store recorded.
    /// </summary>
    private async Task<List<TrueSnapshot>> ObserveStoredPollsAsync(CancellationToken cancellationToken)
    {
        var snapshots = await services.GetRequiredService<IRecordReader>().ReadSnapshotsAsync(new RecordFilter(), cancellationToken).ToListAsync(cancellationToken);
        var recorded = new List<TrueSnapshot>();
        foreach (var polls in snapshots.GroupBy(s => s.AccountId))
        {
            var account = GroundTruthHistory.Account(polls.Key);
            var firstSuccess = true;
            foreach (var poll in polls.OrderBy(s => s.CapturedAt))
            {
                var succeeded = poll.Status.IsSuccess();
                var window = account.Platform == Platforms.Rss ? GroundTruthHistory.FeedWindow
                    : firstSuccess ? XBackfillPages * XPageSize : XPageSize;
                history.ObservePoll(account, poll.CapturedAt, window, succeeded);
                firstSuccess &= !succeeded;
                recorded.Add(new TrueSnapshot(poll.AccountId, poll.CapturedAt, poll.Followers, poll.PostsTotal));
            }
        }

        return recorded;
    }

    /// <summary>The store holds exactly the posts the feed windows and X pages showed.</summary>
    private async Task AssertStoredPostsAreTheCapturedOnesAsync(CancellationToken cancellationToken)
    {
        var stored = await services.GetRequiredService<IRecordReader>().ReadPostsAsync(new RecordFilter(), cancellationToken).ToListAsync(cancellationToken);
        Assert.Equal(
            history.Captured.Select(p => $"{p.AccountId} {p.PostId} {p.PublishedAt:O} {p.Kind}").Order(StringComparer.Ordinal),
            stored.Select(p => $"{p.AccountId} {p.Post.PostId} {p.Post.PublishedAt:O} {p.Post.Kind}").Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Nothing published while polling was missed except around the overflow burst, which fell whole between two
    /// polls: of the posts published between them, X's one page served the newest 100 and the rest are lost.
    /// Returns how many were lost.
    /// </summary>
    private int AssertOnlyTheOverflowBurstWasLost(List<TrueSnapshot> snapshots)
    {
        var overflow = GroundTruthHistory.Overflow.Id;
        var polls = snapshots.Where(s => s.AccountId == overflow).Select(s => s.CapturedAt).ToList();
        var beforeBurst = polls.Last(at => at < GroundTruthHistory.OverflowAt);
        var afterBurst = polls.First(at => at >= GroundTruthHistory.OverflowAt);
        Assert.True(afterBurst >= GroundTruthHistory.OverflowAt.AddMinutes(GroundTruthHistory.OverflowBurst), $"poll at {afterBurst:O} inside the burst");
        var expectedLost = history.Truth.Count(p => p.AccountId == overflow && p.PublishedAt > beforeBurst && p.PublishedAt <= afterBurst) - XPageSize;

        var lost = history.Truth.Where(p => p.PublishedAt > PollStart && p.PublishedAt <= time.GetUtcNow()).Except(history.Captured).ToList();
        Assert.All(lost, p => Assert.True(p.AccountId == overflow && p.PublishedAt > beforeBurst && p.PublishedAt <= afterBurst, p.ToString()));
        Assert.Equal(expectedLost, lost.Count);
        Assert.True(expectedLost >= GroundTruthHistory.OverflowBurst - XPageSize);
        return expectedLost;
    }

    private async Task<List<AccountActivity>> ComputeActivityAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        var calculator = services.GetRequiredService<ActivityCalculator>();
        var queries = Assert.IsType<Core.Storage.Sqlite.SqliteActivityQueries>(services.GetRequiredService<IActivityQueries>());
        var facts = await queries.QueryActivityAsync(window, cancellationToken);
        var rows = facts.Select(f => calculator.Compute(f, window)).ToList();
        foreach (var row in rows)
        {
            var status = row.AccountId == GroundTruthHistory.Suspended.Id ? "suspended" : "ok";
            var expected = ExpectedActivity.Compute(history, row.AccountId, window, time.GetUtcNow(), status);
            Assert.Equal(Json(expected), Json(row));
        }

        return rows;
    }

    private static string Json(AccountActivity row) => JsonSerializer.Serialize(row, ReportJsonContext.Default.AccountActivity);
}
