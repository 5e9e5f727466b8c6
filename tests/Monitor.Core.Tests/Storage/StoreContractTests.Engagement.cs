using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Engagement;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Storage;

/// <summary>
/// Ground truth for <c>report engagement</c>: posts seen by polls at known ages, and every expected figure computed
/// here from that history with plain arithmetic, never by the production calculator.
/// </summary>
public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset WindowStart = new(2026, 1, 11, 0, 0, 0, TimeSpan.Zero);

    // Ages at which polls see posts, and the bucket each belongs to (the README's boundaries: 2h27m, 12h, 63h30m).
    private static readonly (TimeSpan Age, string Bucket)[] PollAges =
    [
        (TimeSpan.FromMinutes(40), "1h"), (TimeSpan.FromMinutes(75), "1h"), (TimeSpan.FromHours(2), "1h"),
        (TimeSpan.FromHours(5), "6h"), (TimeSpan.FromHours(8), "6h"),
        (TimeSpan.FromHours(20), "24h"), (TimeSpan.FromHours(27), "24h"), (TimeSpan.FromHours(40), "24h"),
        (TimeSpan.FromDays(6), "7d"), (TimeSpan.FromDays(12), "7d"),
    ];

    private sealed record TruePoll(string AccountId, Post Post, DateTimeOffset At, string Bucket);

    [Fact]
    public async Task EngagementReport_RecordedHistory_MatchesIndependentlyComputedFigures()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        var accounts = new[] { Account("big", "bluesky"), Account("small", "x"), Account("quiet", "telegram") with { Actor = ActorType.Embassy } };
        await host.Accounts.SyncAccountsAsync(accounts, Start, Ct);
        var random = new Random(15);
        var polls = new List<TruePoll>();

        // "big": 110 posts of kind post (more than the 100 the baseline looks at) and 8 replies, 2 h apart, the last
        // 30 in the window; "small": posts, replies, quotes and a repost; "quiet": view counts only.
        for (var i = 0; i < 118; i++)
        {
            var kind = i % 15 == 14 ? PostKind.Reply : PostKind.Post;
            AddHistory("big", $"big{i:000}", WindowStart.AddHours(-2 * (88 - i)), kind, i);
        }

        for (var i = 0; i < 12; i++)
        {
            var kind = (i % 4) switch { 0 => PostKind.Post, 1 => PostKind.Reply, 2 => PostKind.Quote, _ => i == 3 ? PostKind.Repost : PostKind.Post };
            AddHistory("small", $"s{i:00}", WindowStart.AddHours((6 * i) - 20), kind, i);
        }

        var quiet = new Post { PostId = "t1", PublishedAt = WindowStart.AddDays(1), Metrics = new PostMetrics(Views: 900) };
        polls.Add(new TruePoll("quiet", quiet, quiet.PublishedAt.AddHours(1), "1h"));
        var feed = new Post { PostId = "t2", PublishedAt = WindowStart.AddDays(1), Text = "no counts" };
        polls.Add(new TruePoll("quiet", feed, feed.PublishedAt.AddHours(1), "1h"));

        foreach (var poll in polls.OrderBy(p => p.At))
        {
            await RecordAsync(host, poll.AccountId, new FetchResult { Status = PollStatus.Ok, Posts = [poll.Post] }, capturedAt: poll.At);
        }

        var window = new ActivityWindow(DateOnly.FromDateTime(WindowStart.UtcDateTime), new DateOnly(2026, 1, 31));
        var request = new ReportRequest(ReportKind.Engagement, window, ReportFormat.Json) { Top = 6 };
        var report = await host.Services.GetRequiredService<EngagementReportService>().GetEngagementAsync(request, Ct);

        var truth = ExpectedEngagement(polls, accounts, window, request.Top);
        Assert.Equal(truth.Accounts, report.Accounts);
        Assert.Equal(truth.TopPosts.Select(p => p with { Scores = [] }), report.TopPosts.Select(p => p with { Scores = [] }));
        Assert.Equal(truth.TopPosts.Select(p => Rounded(p.Scores)), report.TopPosts.Select(p => Rounded(p.Scores)));
        Assert.Contains(report.TopPosts, p => p.AccountId == "big" && p.Scores.Any(s => s.BaselinePosts == 100));
        Assert.Contains(report.TopPosts.SelectMany(p => p.Scores), s => s.Score is not null);

        var onlyX = await host.Services.GetRequiredService<EngagementReportService>().GetEngagementAsync(request with { Platform = "x" }, Ct);
        Assert.Equal(["small"], onlyX.Accounts.Select(a => a.AccountId));
        Assert.All(onlyX.TopPosts, p => Assert.Equal("small", p.AccountId));

        void AddHistory(string accountId, string postId, DateTimeOffset published, PostKind kind, int seed)
        {
            // Each post is seen at 2–5 of the ages, its counts growing with age.
            var ages = PollAges.Where(_ => random.Next(3) > 0).Take(5).ToArray();
            long likes = 0;
            foreach (var (age, bucket) in ages)
            {
                likes += random.Next(0, 40 + seed);
                var metrics = new PostMetrics(Replies: likes / 7, Reposts: likes / 3, Likes: likes) { Quotes = accountId == "small" ? likes / 11 : null };
                polls.Add(new TruePoll(accountId, new Post { PostId = postId, PublishedAt = published, Kind = kind, Metrics = metrics }, published + age, bucket));
            }
        }
    }

    private static IEnumerable<(string, long?, DateTimeOffset?, double?, int, double?, string?)> Rounded(IEnumerable<BucketScore> scores) =>
        scores.Select(s => (s.Bucket, s.Actual, s.ObservedAt, s.Expected is { } e ? Math.Round(e, 9) : (double?)null, s.BaselinePosts,
            s.Score is { } v ? Math.Round(v, 9) : (double?)null, s.Note));

    /// <summary>The report as the README defines it, from the poll history alone.</summary>
    private static EngagementReport ExpectedEngagement(List<TruePoll> polls, TrackedAccount[] accounts, ActivityWindow window, int top)
    {
        static long Sum(long? a, long? b, long? c, long? d) => (a ?? 0) + (b ?? 0) + (c ?? 0) + (d ?? 0);
        static bool Measured(PostMetrics? m) => m is not null && (m.Likes ?? m.Reposts ?? m.Replies ?? m.Quotes) is not null;
        var hours = new Dictionary<string, double> { ["1h"] = 1, ["6h"] = 6, ["24h"] = 24, ["7d"] = 168 };

        // Latest counts per post: the last poll's.
        var latest = polls.GroupBy(p => (p.AccountId, p.Post.PostId)).Select(g => g.OrderBy(p => p.At).Last()).ToArray();
        var counted = latest.Where(p => p.Post.PublishedAt >= window.Start && p.Post.PublishedAt < window.End && p.Post.Kind != PostKind.Repost).ToArray();
        var rows = accounts.Select(a =>
        {
            var own = counted.Where(p => p.AccountId == a.Id).ToArray();
            var measured = own.Where(p => Measured(p.Post.Metrics)).Select(p => p.Post.Metrics!).ToArray();
            var viewed = own.Where(p => p.Post.Metrics?.Views is not null).Select(p => p.Post.Metrics!.Views!.Value).ToArray();
            long likes = measured.Sum(m => m.Likes ?? 0), reposts = measured.Sum(m => m.Reposts ?? 0), replies = measured.Sum(m => m.Replies ?? 0),
                quotes = measured.Sum(m => m.Quotes ?? 0);
            double? Per(long value) => measured.Length == 0 ? null : (double)value / measured.Length;
            return new AccountEngagement(a.Id, a.Platform, a.Country, a.Actor.ToString(), a.Name, own.Length, measured.Length,
                likes + reposts + replies + quotes, Per(likes + reposts + replies + quotes), Per(likes), Per(reposts), Per(replies), Per(quotes),
                viewed.Length, viewed.Length == 0 ? null : (double)viewed.Sum() / viewed.Length);
        }).OrderByDescending(r => r.InteractionsPerPost ?? double.MinValue).ThenBy(r => r.AccountId, StringComparer.Ordinal).ToArray();

        // The observation kept per (post, bucket): the poll whose age is nearest the bucket's age, the earlier on a tie.
        var kept = polls.Where(p => p.Post.Metrics is not null)
            .GroupBy(p => (p.AccountId, p.Post.PostId, p.Bucket))
            .ToDictionary(g => g.Key, g => g.OrderBy(p => Math.Abs((p.At - p.Post.PublishedAt).TotalHours - hours[p.Bucket])).ThenBy(p => p.At).First());
        TruePoll? NearEnough(string account, string post, string bucket) =>
            kept.TryGetValue((account, post, bucket), out var poll) && Measured(poll.Post.Metrics)
            && Math.Abs((poll.At - poll.Post.PublishedAt).TotalHours - hours[bucket]) <= hours[bucket] / 2 ? poll : null;

        var topPosts = counted.Where(p => Measured(p.Post.Metrics))
            .OrderByDescending(p => Sum(p.Post.Metrics!.Likes, p.Post.Metrics.Reposts, p.Post.Metrics.Replies, p.Post.Metrics.Quotes))
            .ThenBy(p => p.AccountId, StringComparer.Ordinal).ThenBy(p => p.Post.PostId, StringComparer.Ordinal)
            .Take(top)
            .Select((p, i) =>
            {
                var m = p.Post.Metrics!;
                var scores = new[] { "1h", "6h", "24h", "7d" }.Select(bucket =>
                {
                    var earlier = latest
                        .Where(q => q.AccountId == p.AccountId && q.Post.Kind == p.Post.Kind
                            && (q.Post.PublishedAt < p.Post.PublishedAt || (q.Post.PublishedAt == p.Post.PublishedAt && string.CompareOrdinal(q.Post.PostId, p.Post.PostId) < 0)))
                        .Select(q => NearEnough(q.AccountId, q.Post.PostId, bucket))
                        .Where(o => o is not null)
                        .OrderBy(o => o!.Post.PublishedAt).ThenBy(o => o!.Post.PostId, StringComparer.Ordinal)
                        .Select(o => Sum(o!.Post.Metrics!.Likes, o.Post.Metrics.Reposts, o.Post.Metrics.Replies, o.Post.Metrics.Quotes))
                        .TakeLast(100).ToArray();
                    var own = NearEnough(p.AccountId, p.Post.PostId, bucket);
                    if (own is null)
                    {
                        return new BucketScore(bucket, null, null, null, earlier.Length, null, "no-observation");
                    }

                    var actual = Sum(own.Post.Metrics!.Likes, own.Post.Metrics.Reposts, own.Post.Metrics.Replies, own.Post.Metrics.Quotes);
                    if (earlier.Length == 0)
                    {
                        return new BucketScore(bucket, actual, own.At, null, 0, null, "no-baseline");
                    }

                    var sorted = earlier.OrderBy(v => v).ToList();
                    var drop = sorted.Count / 4;
                    var middle = sorted.GetRange(drop, sorted.Count - (2 * drop));
                    var expected = (double)middle.Sum() / middle.Count;
                    double? score = actual == expected ? 1 : actual > expected ? (expected == 0 ? null : actual / expected) : (actual == 0 ? null : -expected / actual);
                    var note = score is not null ? null : actual > expected ? "expected-zero" : "actual-zero";
                    return new BucketScore(bucket, actual, own.At, expected, earlier.Length, score, note);
                }).ToArray();
                var account = accounts.Single(a => a.Id == p.AccountId);
                return new TopPost(i + 1, p.AccountId, account.Platform, p.Post.PostId, null, p.Post.Kind.ToWireName(), p.Post.PublishedAt,
                    Sum(m.Likes, m.Reposts, m.Replies, m.Quotes), m.Likes, m.Reposts, m.Replies, m.Quotes, m.Views, scores);
            }).ToArray();
        return new EngagementReport(rows, topPosts);
    }
}
