namespace Monitor.Core.Posts;

/// <summary>The ages after <c>publishedAt</c> at which a post's counts are kept: 1 h, 6 h, 24 h, 7 d.</summary>
public enum MetricAgeBucket
{
    OneHour,
    SixHours,
    OneDay,
    SevenDays,
}

/// <summary>
/// Which bucket an observation belongs to and when it is near enough to stand for the bucket's age. Buckets split at
/// the geometric means of neighbouring ages (√(1·6) h ≈ 2 h 27 min, √(6·24) h = 12 h, √(24·168) h ≈ 63 h 30 min), so
/// an age belongs to the bucket nearest to it on a log scale and every age within ±50 % of a bucket's age falls in
/// that bucket.
/// </summary>
public static class MetricAgeBuckets
{
    private static readonly TimeSpan[] Ages = [TimeSpan.FromHours(1), TimeSpan.FromHours(6), TimeSpan.FromHours(24), TimeSpan.FromDays(7)];

    public static IReadOnlyList<MetricAgeBucket> All { get; } = [MetricAgeBucket.OneHour, MetricAgeBucket.SixHours, MetricAgeBucket.OneDay, MetricAgeBucket.SevenDays];

    public static TimeSpan AgeOf(MetricAgeBucket bucket) => Ages[(int)bucket];

    /// <summary>The bucket of an observation made <paramref name="age"/> after publication; null for a negative age.</summary>
    public static MetricAgeBucket? Of(TimeSpan age)
    {
        if (age < TimeSpan.Zero)
        {
            return null;
        }

        for (var i = 0; i < Ages.Length - 1; i++)
        {
            // age < √(a·b) ⇔ age² < a·b; in hours the products stay far inside double precision.
            if (age.TotalHours * age.TotalHours < Ages[i].TotalHours * Ages[i + 1].TotalHours)
            {
                return All[i];
            }
        }

        return MetricAgeBucket.SevenDays;
    }

    /// <summary>How far an observation's age is from its bucket's age; within a bucket the nearest observation is kept.</summary>
    public static TimeSpan DistanceOf(MetricAgeBucket bucket, TimeSpan age) => (age - AgeOf(bucket)).Duration();

    /// <summary>True when the age is within ±50 % of the bucket's age (the engagement score's "near enough").</summary>
    public static bool IsNearEnough(MetricAgeBucket bucket, TimeSpan age) => DistanceOf(bucket, age) * 2 <= AgeOf(bucket);

    /// <summary><c>1h</c>, <c>6h</c>, <c>24h</c>, <c>7d</c>: as stored and reported.</summary>
    public static string ToWireName(this MetricAgeBucket bucket) => bucket switch
    {
        MetricAgeBucket.OneHour => "1h",
        MetricAgeBucket.SixHours => "6h",
        MetricAgeBucket.OneDay => "24h",
        _ => "7d",
    };

    public static MetricAgeBucket ParseWireName(string name) => name switch
    {
        "1h" => MetricAgeBucket.OneHour,
        "6h" => MetricAgeBucket.SixHours,
        "24h" => MetricAgeBucket.OneDay,
        "7d" => MetricAgeBucket.SevenDays,
        _ => throw new FormatException($"Unknown metric age bucket '{name}'."),
    };
}
