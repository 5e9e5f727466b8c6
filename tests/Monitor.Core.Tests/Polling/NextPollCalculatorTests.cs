using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Polling;

public sealed class NextPollCalculatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TrackedAccount Account = new("a", Platforms.Mastodon, "@a@example", "FRA", ActorType.Embassy);

    public static TheoryData<string, double?, int?, int?, int> SuccessCases => new()
    {
        // name, weekly posts, cache hint (min), retry-after (min), expected delay (min)
        { "40 posts a day: 10080 / 280 = 36 min", 280, null, null, 36 },
        { "one post a day: a week / 7 = 1 day, at MaxInterval", 7, null, null, 1440 },
        { "two posts a day: 12 h", 14, null, null, 720 },
        { "dormant (0 posts): MaxInterval", 0, null, null, 1440 },
        { "first poll (unknown): DefaultInterval", null, null, null, 30 },
        { "very busy account is clamped to MinInterval", 100_000, null, null, 5 },
        { "cache hint above the adaptive interval wins", 280, 120, null, 120 },
        { "cache hint is still capped at MaxInterval", 280, 3000, null, 1440 },
        { "Retry-After beyond the interval wins", 280, null, 90, 90 },
        { "Retry-After wins even over MaxInterval", 0, null, 2000, 2000 },
        { "Retry-After sooner than the interval is moot", 7, null, 10, 1440 },
    };

    [Theory]
    [MemberData(nameof(SuccessCases))]
    public void Compute_AfterSuccess_FollowsPostingFrequency(string name, double? weekly, int? cacheHintMinutes, int? retryAfterMinutes, int expectedMinutes)
    {
        var time = new FakeTimeProvider(Now);
        var result = new FetchResult
        {
            Status = PollStatus.Ok,
            CacheHint = cacheHintMinutes is { } hint ? TimeSpan.FromMinutes(hint) : null,
            RetryAfter = retryAfterMinutes is { } retry ? time.GetUtcNow().AddMinutes(retry) : null,
        };

        var next = Calculator().Compute(result, 0, time.GetUtcNow(), 0.5, weekly);

        Assert.True(next - time.GetUtcNow() == TimeSpan.FromMinutes(expectedMinutes), $"{name}: got {next - time.GetUtcNow()}");
    }

    [Theory]
    [InlineData(90, 90)]
    [InlineData(10, 36)]
    [InlineData(3000, 3000)]
    public void Compute_BudgetInterval_StretchesTheIntervalSoTheBudgetLasts(int budgetMinutes, int expectedMinutes)
    {
        // 280 posts a week alone gives 36 min; a budget's minimum interval wins when longer, even over MaxInterval.
        var next = Calculator().Compute(new FetchResult { Status = PollStatus.Ok }, 0, Now, 0.5, weeklyPosts: 280,
            budgetInterval: TimeSpan.FromMinutes(budgetMinutes));

        Assert.Equal(Now.AddMinutes(expectedMinutes), next);
    }

    [Fact]
    public void Compute_AdaptiveOff_UsesDefaultInterval()
    {
        var next = Calculator(adaptive: false).Compute(new FetchResult { Status = PollStatus.Ok }, 0, Now, 0.5, weeklyPosts: 280);

        Assert.Equal(Now.AddMinutes(30), next);
    }

    [Fact]
    public void Compute_FrequencyFactorTwo_PollsTwiceAsOften()
    {
        var next = Calculator(factor: 2).Compute(new FetchResult { Status = PollStatus.Ok }, 0, Now, 0.5, weeklyPosts: 14);

        Assert.Equal(Now.AddHours(6), next);
    }

    [Fact]
    public void EstimateWeeklyPosts_FetchedAndStoredPosts_CountsDistinctPostsOfTheLastWeek()
    {
        var request = Request(isFirstPoll: false, [new("old", Now.AddDays(-8)), new("s1", Now.AddDays(-3)), new("f1", Now.AddDays(-1))]);
        var result = new FetchResult { Status = PollStatus.Ok, Posts = [Post("f1", Now.AddDays(-1)), Post("f2", Now.AddHours(-1))] };

        Assert.Equal(3, NextPollCalculator.EstimateWeeklyPosts(request, result, recentLimit: 40, Now));
    }

    [Fact]
    public void EstimateWeeklyPosts_RecentWindowFullWithinTheWeek_ExtrapolatesTheRate()
    {
        // 40 posts a day: the 40 stored recent posts cover only the last day, so the week holds about 280.
        var recent = Enumerable.Range(0, 40).Select(i => new KnownPost($"p{i}", Now.AddMinutes(-36 * (i + 1)))).ToArray();

        var weekly = NextPollCalculator.EstimateWeeklyPosts(Request(false, recent), new FetchResult { Status = PollStatus.Ok }, 40, Now);

        Assert.Equal(280, weekly!.Value, precision: 6);
    }

    [Fact]
    public void EstimateWeeklyPosts_RecentWindowFullAndStoreCountKnown_UsesTheStoredWeekPlusNewPosts()
    {
        // A burst: the 40 stored recent posts span minutes, which extrapolated would read as thousands a week.
        var recent = Enumerable.Range(0, 40).Select(i => new KnownPost($"p{i}", Now.AddDays(-2).AddMinutes(-i))).ToArray();
        var result = new FetchResult { Status = PollStatus.Ok, Posts = [Post("p0", Now.AddDays(-2)), Post("fresh", Now.AddHours(-1))] };

        var weekly = NextPollCalculator.EstimateWeeklyPosts(Request(false, recent), result, 40, Now, storedInWeek: 130);

        Assert.True(NextPollCalculator.NeedsStoredCount(Request(false, recent), 40, Now));
        Assert.Equal(131, weekly);
    }

    [Fact]
    public void EstimateWeeklyPosts_FirstPoll_IsUnknown() =>
        Assert.Null(NextPollCalculator.EstimateWeeklyPosts(Request(true, []), new FetchResult { Status = PollStatus.Ok }, 40, Now));

    private static NextPollCalculator Calculator(bool adaptive = true, double factor = 1) =>
        new(Options.Create(new PollingOptions { Adaptive = adaptive, FrequencyFactor = factor }));

    private static FetchRequest Request(bool isFirstPoll, IReadOnlyList<KnownPost> recent) =>
        new(Account, PollCursor.Empty, isFirstPoll, null, recent);

    private static Post Post(string id, DateTimeOffset publishedAt) => new() { PostId = id, PublishedAt = publishedAt };
}
