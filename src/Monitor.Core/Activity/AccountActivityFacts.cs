using Monitor.Core.Accounts;
using Monitor.Core.Adapters;

namespace Monitor.Core.Activity;

/// <summary>What the store aggregates for one account over one window (posts by <c>publishedAt</c>, snapshots by <c>capturedAt</c>).</summary>
/// <param name="Account">The tracked account.</param>
/// <param name="LastStatus">Status of the account's last poll, if any.</param>
/// <param name="Originals">Posts of kind <c>post</c> in the window.</param>
/// <param name="Replies">Posts of kind <c>reply</c>.</param>
/// <param name="Reposts">Posts of kind <c>repost</c>.</param>
/// <param name="Quotes">Posts of kind <c>quote</c>.</param>
/// <param name="ActiveDays">Distinct UTC days with at least one post.</param>
/// <param name="MedianGapMs">Median of the gaps between consecutive posts in the window, in ms; null under two posts.</param>
/// <param name="WeeklyCount">Posts in the window's last 7 days.</param>
/// <param name="LastPostAt">Newest post published before the window's end (at any earlier time, not only in the window).</param>
/// <param name="ByWeekday">7 counts, Monday first.</param>
/// <param name="ByHourUtc">24 counts, hour 0 first.</param>
/// <param name="FollowersStart">Followers in the window's first snapshot that has them.</param>
/// <param name="FollowersEnd">Followers in the window's last snapshot that has them.</param>
/// <param name="PostsTotalStart">The platform's post counter in the window's first snapshot that has it.</param>
/// <param name="PostsTotalEnd">The counter in the window's last snapshot that has it.</param>
/// <param name="PostsInCounterSpan">Stored posts published after the first and at or before the last counter snapshot.</param>
public sealed record AccountActivityFacts(
    TrackedAccount Account,
    PollStatus? LastStatus,
    long Originals,
    long Replies,
    long Reposts,
    long Quotes,
    long ActiveDays,
    double? MedianGapMs,
    long WeeklyCount,
    DateTimeOffset? LastPostAt,
    IReadOnlyList<long> ByWeekday,
    IReadOnlyList<long> ByHourUtc,
    long? FollowersStart,
    long? FollowersEnd,
    long? PostsTotalStart,
    long? PostsTotalEnd,
    long? PostsInCounterSpan)
{
    public long Posts => Originals + Replies + Reposts + Quotes;
}
