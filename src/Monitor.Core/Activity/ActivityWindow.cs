namespace Monitor.Core.Activity;

/// <summary>
/// A report window of whole UTC days, both dates inclusive: [<see cref="From"/> 00:00Z, <see cref="To"/>+1 day 00:00Z).
/// </summary>
public sealed record ActivityWindow
{
    public ActivityWindow(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The window ends ({to:yyyy-MM-dd}) before it starts ({from:yyyy-MM-dd}).", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>First day of the window (inclusive).</summary>
    public DateOnly From { get; }

    /// <summary>Last day of the window (inclusive).</summary>
    public DateOnly To { get; }

    /// <summary>Start instant: <see cref="From"/> at 00:00 UTC.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>End instant (exclusive): the day after <see cref="To"/> at 00:00 UTC.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Days in the window: To − From + 1.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>Start of the window's last 7 days (or its start, when it is shorter), for <c>weeklyCount</c>.</summary>
    public DateTimeOffset WeekStart => Days >= 7 ? End.AddDays(-7) : Start;

    /// <summary>The window of the <paramref name="days"/> days ending with <paramref name="today"/>.</summary>
    public static ActivityWindow Last(int days, DateOnly today) => new(today.AddDays(1 - days), today);
}
