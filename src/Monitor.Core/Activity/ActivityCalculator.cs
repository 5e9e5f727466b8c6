using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;

namespace Monitor.Core.Activity;

/// <summary>Turns the store's aggregates into the documented metrics; pure arithmetic, the same for every store.</summary>
public sealed class ActivityCalculator(IOptions<ActivityOptions> options, TimeProvider time)
{
    private readonly ActivityOptions options = options.Value;

    public AccountActivity Compute(AccountActivityFacts facts, ActivityWindow window)
    {
        var posts = facts.Posts;
        var asOf = Min(window.End, time.GetUtcNow());
        var age = facts.LastPostAt is { } last ? asOf - last : (TimeSpan?)null;
        long? growth = facts.FollowersEnd - facts.FollowersStart;
        long? counterDelta = facts.PostsTotalEnd - facts.PostsTotalStart;
        return new AccountActivity
        {
            AccountId = facts.Account.Id,
            Platform = facts.Account.Platform,
            Country = facts.Account.Country,
            Actor = facts.Account.Actor.ToString(),
            Name = facts.Account.Name,
            Status = ClassifyStatus(facts.LastStatus, age),
            Posts = posts,
            Originals = facts.Originals,
            Replies = facts.Replies,
            Reposts = facts.Reposts,
            Quotes = facts.Quotes,
            PostsPerDay = (double)posts / window.Days,
            ActiveDays = facts.ActiveDays,
            ActiveDayShare = (double)facts.ActiveDays / window.Days,
            MedianGapHours = facts.MedianGapMs / 3_600_000d,
            WeeklyCount = facts.WeeklyCount,
            LastPostAt = facts.LastPostAt,
            DaysSinceLastPost = age is { } a ? (long)Math.Floor(Math.Max(0, a.TotalDays)) : null,
            OriginalShare = Share(facts.Originals, posts),
            ReplyShare = Share(facts.Replies, posts),
            RepostShare = Share(facts.Reposts, posts),
            QuoteShare = Share(facts.Quotes, posts),
            ByWeekday = facts.ByWeekday,
            ByHourUtc = facts.ByHourUtc,
            FollowersStart = facts.FollowersStart,
            FollowersEnd = facts.FollowersEnd,
            FollowerGrowth = growth,
            FollowerGrowthRelative = growth is { } g && facts.FollowersStart is { } s and not 0 ? (double)g / s : null,
            PostsTotalDelta = counterDelta,
            EstimatedMissed = counterDelta is { } d && facts.PostsInCounterSpan is { } captured ? Math.Max(0, d - captured) : null,
        };
    }

    /// <summary>The platform's verdict wins; otherwise the age of the last post against DormantAfter / InactiveAfter.</summary>
    public string ClassifyStatus(PollStatus? lastStatus, TimeSpan? sinceLastPost) => lastStatus switch
    {
        PollStatus.NotFound or PollStatus.Unauthorized or PollStatus.Suspended or PollStatus.IdentityChanged => lastStatus.Value.ToWireName(),
        _ when sinceLastPost is null => ActivityStatus.Inactive,
        _ when sinceLastPost <= options.DormantAfter => ActivityStatus.Active,
        _ when sinceLastPost <= options.InactiveAfter => ActivityStatus.Dormant,
        _ => ActivityStatus.Inactive,
    };

    private static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
