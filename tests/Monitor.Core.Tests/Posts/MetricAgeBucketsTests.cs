using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Posts;

public sealed class MetricAgeBucketsTests
{
    private static readonly DateTimeOffset Published = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // Boundaries at the geometric means: √6 h = 2 h 26 min 58.16 s, 12 h, √(24·168) h = 63 h 29 min 52.91 s.
    public static TheoryData<string, MetricAgeBucket?> Ages => new()
    {
        { "-00:00:01", null },
        { "00:00:00", MetricAgeBucket.OneHour },
        { "01:00:00", MetricAgeBucket.OneHour },
        { "02:26:58", MetricAgeBucket.OneHour },
        { "02:26:59", MetricAgeBucket.SixHours },
        { "11:59:59", MetricAgeBucket.SixHours },
        { "12:00:00", MetricAgeBucket.OneDay },
        { "2.15:29:52", MetricAgeBucket.OneDay },
        { "2.15:29:53", MetricAgeBucket.SevenDays },
        { "400.00:00:00", MetricAgeBucket.SevenDays },
    };

    [Theory]
    [MemberData(nameof(Ages))]
    public void Of_Age_IsTheBucketNearestOnALogScale(string age, MetricAgeBucket? expected) =>
        Assert.Equal(expected, MetricAgeBuckets.Of(TimeSpan.Parse(age, System.Globalization.CultureInfo.InvariantCulture)));

    public static TheoryData<MetricAgeBucket, string, bool> NearEnough => new()
    {
        { MetricAgeBucket.OneHour, "00:30:00", true },
        { MetricAgeBucket.OneHour, "00:29:59", false },
        { MetricAgeBucket.OneHour, "01:30:00", true },
        { MetricAgeBucket.OneHour, "01:30:01", false },
        { MetricAgeBucket.SixHours, "03:00:00", true },
        { MetricAgeBucket.SixHours, "09:00:01", false },
        { MetricAgeBucket.OneDay, "1.12:00:00", true },
        { MetricAgeBucket.SevenDays, "3.12:00:00", true },
        { MetricAgeBucket.SevenDays, "10.12:00:01", false },
    };

    [Theory]
    [MemberData(nameof(NearEnough))]
    public void IsNearEnough_WithinHalfTheBucketAge(MetricAgeBucket bucket, string age, bool expected) =>
        Assert.Equal(expected, MetricAgeBuckets.IsNearEnough(bucket, TimeSpan.Parse(age, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void IsNearEnough_EveryNearEnoughAge_FallsInThatBucket()
    {
        foreach (var bucket in MetricAgeBuckets.All)
        {
            var age = MetricAgeBuckets.AgeOf(bucket);
            Assert.Equal(bucket, MetricAgeBuckets.Of(age / 2));
            Assert.Equal(bucket, MetricAgeBuckets.Of(age * 1.5));
        }
    }

    [Fact]
    public void Observe_PostWithCounts_BucketsByAgeAtCaptureCutToMilliseconds()
    {
        var post = new Post { PostId = "p", PublishedAt = Published.AddTicks(5), Kind = PostKind.Reply, Metrics = new PostMetrics(Likes: 3) };

        var observation = MetricObservation.Observe(post, Published.AddHours(5).AddTicks(7));

        Assert.Equal(new MetricObservation("p", PostKind.Reply, Published, Published.AddHours(5), MetricAgeBucket.SixHours, new PostMetrics(Likes: 3)), observation);
        Assert.Equal(TimeSpan.FromHours(1), observation!.Distance);
    }

    [Fact]
    public void Observe_NoCountsEstimatedDateOrFuturePost_MakesNoObservation()
    {
        var post = new Post { PostId = "p", PublishedAt = Published, Metrics = new PostMetrics(Likes: 3) };

        Assert.Null(MetricObservation.Observe(post with { Metrics = null }, Published.AddHours(1)));
        Assert.Null(MetricObservation.Observe(post with { PublishedAtEstimated = true }, Published.AddHours(1)));
        Assert.Null(MetricObservation.Observe(post, Published.AddMinutes(-1)));
    }

    [Theory]
    [InlineData(55, 70, false, true)]    // 5 min off against 10: replaces
    [InlineData(70, 55, false, false)]   // farther: the stored one stays
    [InlineData(50, 70, false, false)]   // both 10 min off: the stored one stays
    [InlineData(55, 70, true, false)]    // lease lost: never over a stored one
    public void Replaces_NearerWinsTieKeepsStoredLeaseLostNever(int candidateMinutes, int storedMinutes, bool leaseLost, bool expected)
    {
        MetricObservation At(int minutes) => new("p", PostKind.Post, Published, Published.AddMinutes(minutes), MetricAgeBucket.OneHour, new PostMetrics(Likes: minutes));

        Assert.Equal(expected, At(candidateMinutes).Replaces(At(storedMinutes), leaseLost));
        Assert.True(At(candidateMinutes).Replaces(null, leaseLost));
    }
}
