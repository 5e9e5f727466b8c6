using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Activity.Engagement;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Posts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

/// <summary>Metric observations: both stores keep the observation nearest each age bucket, and a fenced poll adds but never overwrites.</summary>
public abstract partial class StoreContractTests
{
    private static Post Counted(string id, DateTimeOffset publishedAt, long likes, PostKind kind = PostKind.Post) => new()
    {
        PostId = id,
        PublishedAt = publishedAt,
        Kind = kind,
        Text = $"Text of {id}",
        Metrics = new PostMetrics(Replies: likes / 10, Reposts: likes / 2, Likes: likes) { Quotes = likes / 5 },
    };

    private static async Task<List<MetricObservation>> ObservationsAsync(StoreHost host, string accountId) =>
        await ToListAsync(host.Services.GetRequiredService<IEngagementQueries>().ReadObservationsAsync(accountId, DateTimeOffset.MaxValue.AddDays(-1), Ct));

    [Fact]
    public async Task RecordPoll_PostSeenAtManyAges_KeepsTheObservationNearestEachBucket()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var published = Start;

        // (age, likes): the likes identify which poll's counts were kept.
        (TimeSpan Age, long Likes)[] polls =
        [
            (TimeSpan.FromMinutes(10), 10),   // 1h bucket, 50 min off
            (TimeSpan.FromMinutes(50), 20),   // 1h, 10 min off: replaces
            (TimeSpan.FromMinutes(80), 30),   // 1h, 20 min off: kept out
            (TimeSpan.FromHours(5), 40),      // 6h, 1 h off
            (TimeSpan.FromHours(7), 50),      // 6h, 1 h off: a tie keeps the first
            (TimeSpan.FromHours(20), 60),     // 24h, 4 h off
            (TimeSpan.FromHours(30), 70),     // 24h, 6 h off: kept out
            (TimeSpan.FromDays(8), 80),       // 7d
        ];
        foreach (var (age, likes) in polls)
        {
            await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [Counted("p", published, likes)] }, capturedAt: published + age);
        }

        var observations = await ObservationsAsync(host, "a");

        Assert.Equal(
        [
            (MetricAgeBucket.OneHour, published.AddMinutes(50), Counted("p", published, 20).Metrics!),
            (MetricAgeBucket.SixHours, published.AddHours(5), Counted("p", published, 40).Metrics!),
            (MetricAgeBucket.OneDay, published.AddHours(20), Counted("p", published, 60).Metrics!),
            (MetricAgeBucket.SevenDays, published.AddDays(8), Counted("p", published, 80).Metrics!),
        ], observations.OrderBy(o => o.Bucket).Select(o => (o.Bucket, o.ObservedAt, o.Metrics)));
        Assert.All(observations, o => Assert.Equal(("p", PostKind.Post, published), (o.PostId, o.Kind, o.PublishedAt)));
        // The post keeps the latest counts, quotes included (80 / 5).
        Assert.Equal(16, Assert.Single(await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).Post.Metrics!.Quotes);
    }

    [Fact]
    public async Task RecordPoll_PostsWithoutCountsOrDates_MakeNoObservation()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);

        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts =
            [
                Counted("counted", Start.AddHours(-1), 5),
                Counted("counted", Start.AddHours(-1), 999), // the same post twice in one poll: the first is kept
                new Post { PostId = "feed", PublishedAt = Start.AddHours(-1), Text = "no counts" },
                Counted("estimated", Start, 5) with { PublishedAtEstimated = true },
                Counted("future", Start.AddHours(1), 5),
            ],
        }, capturedAt: Start);

        var observation = Assert.Single(await ObservationsAsync(host, "a"));
        Assert.Equal(("counted", MetricAgeBucket.OneHour, 5L), (observation.PostId, observation.Bucket, observation.Metrics.Likes));
    }

    [Fact]
    public async Task RecordPoll_LeaseTakenOver_AddsMissingObservationsButNeverOverwritesNewerOnes()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        var other = await StartHostAsync("host-2");
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var published = Start.AddMinutes(-55);
        var stale = Assert.Single(await host.Accounts.ClaimDueAsync(new ClaimRequest("host-1", Start, Lease, 1, IgnoreSchedule: true), Ct));

        // The lease expires; host-2 takes over and stores its observation (1h bucket, 16 min off).
        var later = Start + Lease + TimeSpan.FromMinutes(1);
        var fresh = Assert.Single(await other.Accounts.ClaimDueAsync(new ClaimRequest("host-2", later, Lease, 1, IgnoreSchedule: true), Ct));
        await other.Results.RecordPollAsync(new PollRecord(fresh, later, new FetchResult
        {
            Status = PollStatus.Ok, Posts = [Counted("p", published, 200)],
        }, TimeSpan.FromSeconds(1), later.AddMinutes(30), 0), Ct);

        // host-1's poll, captured before (5 min off: nearer the bucket's age), arrives late with a second post.
        var written = await host.Results.RecordPollAsync(new PollRecord(stale, Start, new FetchResult
        {
            Status = PollStatus.Ok, Posts = [Counted("p", published, 100), Counted("q", published, 7)],
        }, TimeSpan.FromSeconds(1), Start.AddMinutes(5), 0), Ct);

        Assert.True(written.LeaseLost);
        var observations = (await ObservationsAsync(host, "a")).ToDictionary(o => o.PostId);
        Assert.Equal((later, 200L), (observations["p"].ObservedAt, observations["p"].Metrics.Likes));
        Assert.Equal((Start, 7L), (observations["q"].ObservedAt, observations["q"].Metrics.Likes));
    }
}
