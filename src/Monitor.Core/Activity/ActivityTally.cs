namespace Monitor.Core.Activity;

/// <summary>
/// One account's window figures computed in one pass over its posts in <c>publishedAt</c> order, so a store only has
/// to stream (publishedAt, kind) through an index instead of evaluating window functions and histograms per row.
/// Timestamps are Unix ms UTC; days and hours are integer arithmetic (1970-01-01 was a Thursday, so
/// <c>(day + 3) % 7</c> numbers Monday = 0 … Sunday = 6). Reused across accounts: <see cref="Reset"/> between them.
/// </summary>
internal sealed class ActivityTally
{
    private const long DayMs = 86_400_000;
    private const long HourMs = 3_600_000;

    private readonly long[] kinds = new long[5];
    private readonly long[] weekdays = new long[7];
    private readonly long[] hours = new long[24];
    private long[] gaps = new long[1024];
    private long weekStartMs;
    private long count;
    private long activeDays;
    private long weekly;
    private long previous;
    private long? spanFrom;
    private long spanTo;
    private long inSpan;

    /// <summary>Kind codes as the stores map them: post, reply, repost, quote, anything else.</summary>
    public const int Post = 0, Reply = 1, Repost = 2, Quote = 3, Other = 4;

    /// <summary>
    /// Clears the figures for the next account of a window whose last 7 days start at <paramref name="weekStart"/>;
    /// posts after <paramref name="counterFrom"/> and at or before <paramref name="counterTo"/> (the first and last
    /// snapshots with a post counter, Unix ms; null without them) are counted as PostsInCounterSpan.
    /// </summary>
    public void Reset(DateTimeOffset weekStart, long? counterFrom, long? counterTo)
    {
        weekStartMs = weekStart.ToUnixTimeMilliseconds();
        spanFrom = counterFrom;
        spanTo = counterTo ?? long.MinValue;
        inSpan = 0;
        Array.Clear(kinds);
        Array.Clear(weekdays);
        Array.Clear(hours);
        count = activeDays = weekly = 0;
    }

    /// <summary>Adds the account's next post; posts must come oldest first.</summary>
    public void Add(long publishedAtMs, int kind)
    {
        var day = publishedAtMs / DayMs;
        if (count == 0 || day != previous / DayMs)
        {
            activeDays++;
        }

        if (count > 0)
        {
            if (count > gaps.Length)
            {
                Array.Resize(ref gaps, gaps.Length * 2);
            }

            gaps[count - 1] = publishedAtMs - previous;
        }

        kinds[kind]++;
        if (publishedAtMs >= 0)
        {
            // Before 1970 the remainders are negative; SQL's histogram conditions matched none of them either.
            weekdays[(day + 3) % 7]++;
            hours[publishedAtMs % DayMs / HourMs]++;
        }

        weekly += publishedAtMs >= weekStartMs ? 1 : 0;
        inSpan += publishedAtMs > spanFrom && publishedAtMs <= spanTo ? 1 : 0;
        previous = publishedAtMs;
        count++;
    }

    /// <summary>
    /// The account's facts: these window figures plus what the store looked up per account. The last post of the window
    /// is the account's last post before the window's end; without one, the looked-up value stays.
    /// </summary>
    public AccountActivityFacts ToFacts(AccountActivityFacts lookedUp) => lookedUp with
    {
        LastPostAt = count > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(previous) : lookedUp.LastPostAt,
        Originals = kinds[Post],
        Replies = kinds[Reply],
        Reposts = kinds[Repost],
        Quotes = kinds[Quote],
        ActiveDays = activeDays,
        MedianGapMs = MedianGap(),
        WeeklyCount = weekly,
        ByWeekday = weekdays.ToArray(),
        ByHourUtc = hours.ToArray(),
        PostsInCounterSpan = spanFrom is null ? null : inSpan,
    };

    // n posts have n − 1 gaps: the median is the mean of gaps number ⌊n/2⌋ and ⌊(n+1)/2⌋ (1-based) in sorted order.
    private double? MedianGap()
    {
        if (count < 2)
        {
            return null;
        }

        var sorted = gaps.AsSpan(0, (int)count - 1);
        sorted.Sort();
        return (sorted[(int)(count / 2) - 1] + (double)sorted[(int)((count + 1) / 2) - 1]) / 2;
    }
}
