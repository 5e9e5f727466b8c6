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
    private static readonly TimeSpan XProfileRefresh = TimeSpan.FromHours(6);
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

        // One page of 100 per regular poll: a burst of more than 100 posts between two polls leaves a gap, which the
        // next poll closes; metrics come with every page that has posts, else from a user lookup every 6 h.
        settings["Monitor:Platforms:X:MaxPagesPerPoll"] = "1";
        settings["Monitor:Platforms:X:ProfileRefreshInterval"] = XProfileRefresh.ToString();
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
        await AssertNothingWasLostAndTheBurstClosedOnTheNextPollAsync(snapshots, cancellationToken);
        var logs = services.GetFakeLogCollector().GetSnapshot();
        Assert.Single(logs, r => r.Id.Id == 2405 /* XGapOpened */ && r.Message.Contains("overflow", StringComparison.Ordinal));
        Assert.Single(logs, r => r.Id.Id == 2406 /* XGapClosed */ && r.Message.Contains("overflow", StringComparison.Ordinal));

        foreach (var (from, to) in new[] { ("2026-04-01", "2026-04-30"), ("2026-04-10", "2026-04-10"), ("2026-03-25", "2026-04-30") })
        {
            var rows = await ComputeActivityAsync(new ActivityWindow(DateOnly.Parse(from), DateOnly.Parse(to)), cancellationToken);
            Assert.Equal(GroundTruthHistory.Accounts.Select(a => a.Id), rows.Select(r => r.AccountId));
            Assert.Equal(0, rows.Single(r => r.AccountId == GroundTruthHistory.Overflow.Id).EstimatedMissed);
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
    /// Replays the stored poll times against the ground truth: what each poll should have seen (a feed's newest 20; on X
    /// 500 on the first poll, then the newest 100 since the last poll, and when those were all, one page of an open gap)
    /// and counted. Returns the counts the store recorded.
    /// </summary>
    private async Task<List<TrueSnapshot>> ObserveStoredPollsAsync(CancellationToken cancellationToken)
    {
        var snapshots = await services.GetRequiredService<IRecordReader>().ReadSnapshotsAsync(new RecordFilter(), cancellationToken).ToListAsync(cancellationToken);
        var recorded = new List<TrueSnapshot>();
        foreach (var polls in snapshots.GroupBy(s => s.AccountId))
        {
            var account = GroundTruthHistory.Account(polls.Key);
            var x = new XPollModel(history, account);
            foreach (var poll in polls.OrderBy(s => s.CapturedAt))
            {
                if (account.Platform == Platforms.X)
                {
                    x.Observe(poll.CapturedAt, poll.Status.IsSuccess());
                }
                else
                {
                    history.ObservePoll(account, poll.CapturedAt, GroundTruthHistory.FeedWindow, poll.Status.IsSuccess());
                }

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
    /// Nothing published while polling was missed: the overflow burst fell whole between two polls, the first poll after
    /// it stored its newest 100 and the next poll the rest (the gap).
    /// </summary>
    private async Task AssertNothingWasLostAndTheBurstClosedOnTheNextPollAsync(List<TrueSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var overflow = GroundTruthHistory.Overflow.Id;
        var polls = snapshots.Where(s => s.AccountId == overflow).Select(s => s.CapturedAt).ToList();
        var beforeBurst = polls.Last(at => at < GroundTruthHistory.OverflowAt);
        var afterBurst = polls.First(at => at >= GroundTruthHistory.OverflowAt);
        var next = polls.First(at => at > afterBurst);
        Assert.True(afterBurst >= GroundTruthHistory.OverflowAt.AddMinutes(GroundTruthHistory.OverflowBurst), $"poll at {afterBurst:O} inside the burst");

        var lastPoll = snapshots.GroupBy(s => s.AccountId).ToDictionary(g => g.Key, g => g.Max(s => s.CapturedAt));
        var lost = history.Truth.Where(p => p.PublishedAt > PollStart && p.PublishedAt <= lastPoll[p.AccountId]).Except(history.Captured).ToList();
        Assert.True(lost.Count == 0, string.Join(", ", lost.Take(5)) + $" ({lost.Count})");

        var burst = history.Truth.Where(p => p.AccountId == overflow && p.PublishedAt > beforeBurst && p.PublishedAt <= afterBurst).ToList();
        Assert.True(burst.Count > XPageSize);
        var stored = (await services.GetRequiredService<IRecordReader>().ReadPostsAsync(new RecordFilter(AccountId: overflow), cancellationToken)
            .ToListAsync(cancellationToken)).ToDictionary(p => p.Post.PostId, p => p.FirstSeenAt);
        Assert.Equal(XPageSize, burst.Count(p => stored[p.PostId] == afterBurst));
        Assert.Equal(burst.Count - XPageSize, burst.Count(p => stored[p.PostId] == next));
        var newPosts = (await services.GetRequiredService<IRecordReader>().ReadSnapshotsAsync(new RecordFilter(AccountId: overflow), cancellationToken)
            .ToListAsync(cancellationToken)).ToDictionary(s => s.CapturedAt, s => s.NewPosts);
        Assert.Equal(XPageSize, newPosts[afterBurst]);
        Assert.Equal(burst.Count - XPageSize, newPosts[next]);
    }

    /// <summary>What the X adapter reads at each poll with one page per poll, gaps and the 6-hour profile refresh.</summary>
    private sealed class XPollModel(GroundTruthHistory history, TrackedAccount account)
    {
        private readonly List<(long Since, long Until)> gaps = [];
        private long? newest;
        private DateTimeOffset? countsAt;

        public void Observe(DateTimeOffset at, bool succeeded)
        {
            if (!succeeded)
            {
                history.RecordPoll(account, at, [], counts: false);
                return;
            }

            var published = history.PublishedBy(account.Id, at);
            List<TruePost> read;
            if (newest is null)
            {
                read = published.TakeLast(XBackfillPages * XPageSize).ToList();
            }
            else
            {
                var fresh = published.Where(p => Id(p) > newest).ToList();
                read = fresh.TakeLast(XPageSize).ToList();
                if (fresh.Count > XPageSize)
                {
                    gaps.Insert(0, (newest.Value, read.Min(Id)));
                }
                else if (gaps.Count > 0)
                {
                    var (since, until) = gaps[0];
                    var inGap = published.Where(p => Id(p) > since && Id(p) < until).ToList();
                    read.AddRange(inGap.TakeLast(XPageSize));
                    gaps.RemoveAt(0);
                    if (inGap.Count > XPageSize)
                    {
                        gaps.Insert(0, (since, inGap.TakeLast(XPageSize).Min(Id)));
                    }
                }
            }

            newest = published.Count == 0 ? newest : Math.Max(newest ?? 0, published.Max(Id));
            var counts = read.Count > 0 || countsAt is null || at - countsAt >= XProfileRefresh;
            countsAt = counts ? at : countsAt;
            history.RecordPoll(account, at, read, counts);
        }

        private static long Id(TruePost post) => long.Parse(post.PostId, System.Globalization.CultureInfo.InvariantCulture);
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
