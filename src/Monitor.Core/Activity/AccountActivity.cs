namespace Monitor.Core.Activity;

/// <summary>
/// One account's activity over a window: the row of the <c>activity</c> report. Every figure is defined in the
/// README's "Activity metrics" section; JSON names are these properties in camelCase.
/// </summary>
public sealed record AccountActivity
{
    public required string AccountId { get; init; }
    public required string Platform { get; init; }
    public required string Country { get; init; }
    public required string Actor { get; init; }
    public string? Name { get; init; }

    /// <summary><c>active</c>, <c>dormant</c>, <c>inactive</c>, or the platform state <c>notFound|unauthorized|suspended</c>.</summary>
    public required string Status { get; init; }

    /// <summary>All posts in the window: originals + replies + reposts + quotes.</summary>
    public long Posts { get; init; }
    public long Originals { get; init; }
    public long Replies { get; init; }
    public long Reposts { get; init; }
    public long Quotes { get; init; }

    /// <summary>Posts ÷ days in the window.</summary>
    public double PostsPerDay { get; init; }

    /// <summary>UTC days of the window with at least one post.</summary>
    public long ActiveDays { get; init; }

    /// <summary>ActiveDays ÷ days in the window.</summary>
    public double ActiveDayShare { get; init; }

    /// <summary>Median hours between consecutive posts in the window; null under two posts.</summary>
    public double? MedianGapHours { get; init; }

    /// <summary>Posts in the last 7 days of the window.</summary>
    public long WeeklyCount { get; init; }

    /// <summary>Newest post published before the window's end (UTC).</summary>
    public DateTimeOffset? LastPostAt { get; init; }

    /// <summary>Whole days from <see cref="LastPostAt"/> to the window's end (or now, if earlier); null if never posted.</summary>
    public long? DaysSinceLastPost { get; init; }

    /// <summary>Originals ÷ posts (0 without posts); likewise the other shares.</summary>
    public double OriginalShare { get; init; }
    public double ReplyShare { get; init; }
    public double RepostShare { get; init; }
    public double QuoteShare { get; init; }

    /// <summary>Posts per weekday, Monday first (UTC).</summary>
    public required IReadOnlyList<long> ByWeekday { get; init; }

    /// <summary>Posts per hour of day 0–23 (UTC).</summary>
    public required IReadOnlyList<long> ByHourUtc { get; init; }

    public long? FollowersStart { get; init; }
    public long? FollowersEnd { get; init; }

    /// <summary>FollowersEnd − FollowersStart.</summary>
    public long? FollowerGrowth { get; init; }

    /// <summary>FollowerGrowth ÷ FollowersStart; null when FollowersStart is 0 or unknown.</summary>
    public double? FollowerGrowthRelative { get; init; }

    /// <summary>Change of the platform's own post counter between the window's first and last snapshots that carry it.</summary>
    public long? PostsTotalDelta { get; init; }

    /// <summary>max(0, PostsTotalDelta − posts stored that were published between those two snapshots).</summary>
    public long? EstimatedMissed { get; init; }
}
