using Monitor.Core.Accounts;
using Monitor.Core.Activity;

namespace Monitor.Core.Tests.Activity;

/// <summary>The one-pass window figures against the same figures computed plainly from the list of posts.</summary>
public sealed class ActivityTallyTests
{
    private const long Day = 86_400_000;
    private const long Hour = 3_600_000;

    // 2026-04-01 00:00Z, a Wednesday.
    private static readonly long April1 = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static readonly AccountActivityFacts Empty = new(
        new TrackedAccount("a", Platforms.Rss, "h", "FRA", ActorType.Embassy), null,
        0, 0, 0, 0, 0, null, 0, null, new long[7], new long[24], null, null, null, null, null);

    public static TheoryData<long[], double?> Medians => new()
    {
        { [], null },
        { [0], null },
        { [0, 10], 10 },
        { [0, 10, 30], 15 },
        { [0, 10, 30, 60], 20 },
        { [0, 0, 0, 5], 0 },
        { [0, 7, 8, 100, 101], 4 },
    };

    [Theory]
    [MemberData(nameof(Medians))]
    public void MedianGap_Posts_IsTheMeanOfTheMiddleGaps(long[] offsets, double? expected)
    {
        var facts = Tally(offsets.Select(o => (April1 + o, ActivityTally.Post)));

        Assert.Equal(expected, facts.MedianGapMs);
    }

    [Fact]
    public void Figures_ManyPostsOverDays_MatchPlainCounts()
    {
        var random = new Random(7);
        var posts = Enumerable.Range(0, 5000).Select(_ => (At: April1 + random.NextInt64(30 * Day), Kind: random.Next(5))).OrderBy(p => p.At).ToArray();
        var weekStart = April1 + (23 * Day);

        var facts = Tally(posts, weekStart, counterFrom: April1 + (2 * Day), counterTo: April1 + (9 * Day));

        var gaps = posts.Zip(posts.Skip(1), (a, b) => b.At - a.At).Order().ToArray();
        Assert.Equal((gaps[(posts.Length / 2) - 1] + (double)gaps[((posts.Length + 1) / 2) - 1]) / 2, facts.MedianGapMs);
        Assert.Equal(posts.Count(p => p.Kind == ActivityTally.Post), facts.Originals);
        Assert.Equal(posts.Count(p => p.Kind == ActivityTally.Reply), facts.Replies);
        Assert.Equal(posts.Count(p => p.Kind == ActivityTally.Repost), facts.Reposts);
        Assert.Equal(posts.Count(p => p.Kind == ActivityTally.Quote), facts.Quotes);
        Assert.Equal(posts.Select(p => p.At / Day).Distinct().Count(), facts.ActiveDays);
        Assert.Equal(posts.Count(p => p.At >= weekStart), facts.WeeklyCount);
        Assert.Equal(posts.Count(p => p.At > April1 + (2 * Day) && p.At <= April1 + (9 * Day)), facts.PostsInCounterSpan);
        var weekdays = posts.Select(p => ((int)DateTimeOffset.FromUnixTimeMilliseconds(p.At).DayOfWeek + 6) % 7);
        Assert.Equal(Enumerable.Range(0, 7).Select(d => (long)weekdays.Count(w => w == d)), facts.ByWeekday);
        Assert.Equal(Enumerable.Range(0, 24).Select(h => (long)posts.Count(p => DateTimeOffset.FromUnixTimeMilliseconds(p.At).Hour == h)), facts.ByHourUtc);
    }

    [Fact]
    public void Reset_NextAccount_StartsFromNothing()
    {
        var tally = new ActivityTally();
        tally.Reset(DateTimeOffset.FromUnixTimeMilliseconds(April1), null, null);
        tally.Add(April1, ActivityTally.Post);
        tally.Add(April1 + Hour, ActivityTally.Reply);

        tally.Reset(DateTimeOffset.FromUnixTimeMilliseconds(April1), null, null);
        tally.Add(April1 + Day, ActivityTally.Repost);
        var facts = tally.ToFacts(Empty);

        Assert.Equal((0, 0, 1, 1), (facts.Originals, facts.Replies, facts.Reposts, facts.ActiveDays));
        Assert.Null(facts.MedianGapMs);
        Assert.Null(facts.PostsInCounterSpan);
        Assert.Equal(1, facts.ByWeekday.Sum());
    }

    [Fact]
    public void PostsInCounterSpan_PostsOnTheBounds_CountsAfterTheFirstAndAtTheLast()
    {
        var facts = Tally([(April1, ActivityTally.Post), (April1 + 1, ActivityTally.Post), (April1 + Hour, ActivityTally.Post), (April1 + Hour + 1, ActivityTally.Post)],
            counterFrom: April1, counterTo: April1 + Hour);

        Assert.Equal(2, facts.PostsInCounterSpan);
    }

    private static AccountActivityFacts Tally(IEnumerable<(long At, int Kind)> posts, long? weekStart = null, long? counterFrom = null, long? counterTo = null)
    {
        var tally = new ActivityTally();
        tally.Reset(DateTimeOffset.FromUnixTimeMilliseconds(weekStart ?? April1), counterFrom, counterTo);
        foreach (var (at, kind) in posts)
        {
            tally.Add(at, kind);
        }

        return tally.ToFacts(Empty);
    }
}
