using Monitor.Core.Activity;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Activity;

/// <summary>Every metric computed straight from the generated lists, in plain LINQ, independently of the store's SQL.</summary>
internal static class ExpectedActivity
{
    public static AccountActivity Compute(GroundTruthHistory history, string accountId, ActivityWindow window, DateTimeOffset now, string lastStatus)
    {
        var account = GroundTruthHistory.Accounts.Single(a => a.Id == accountId);
        var stored = history.Captured.Where(p => p.AccountId == accountId).ToList();
        var inWindow = stored.Where(p => p.PublishedAt >= window.Start && p.PublishedAt < window.End).OrderBy(p => p.PublishedAt).ToList();
        int Kind(PostKind kind) => inWindow.Count(p => p.Kind == kind);
        var gaps = inWindow.Zip(inWindow.Skip(1), (a, b) => (b.PublishedAt - a.PublishedAt).TotalMilliseconds).Order().ToList();
        double? median = gaps.Count == 0 ? null
            : gaps.Count % 2 == 1 ? gaps[gaps.Count / 2] : (gaps[(gaps.Count / 2) - 1] + gaps[gaps.Count / 2]) / 2;
        var lastPost = stored.Where(p => p.PublishedAt < window.End).Select(p => (DateTimeOffset?)p.PublishedAt).Max();
        var asOf = window.End < now ? window.End : now;
        var age = asOf - lastPost;
        var snapshots = history.Snapshots.Where(s => s.AccountId == accountId && s.CapturedAt >= window.Start && s.CapturedAt < window.End).ToList();
        var followers = snapshots.Where(s => s.Followers is not null).Select(s => s.Followers).ToList();
        var counters = snapshots.Where(s => s.PostsTotal is not null).ToList();
        long? followersStart = followers.Count > 0 ? followers[0] : null;
        long? followersEnd = followers.Count > 0 ? followers[^1] : null;
        long? counterDelta = counters.Count > 0 ? counters[^1].PostsTotal - counters[0].PostsTotal : null;
        long? missed = null;
        if (counters.Count > 0)
        {
            bool InSpan(TruePost p) => p.AccountId == accountId && p.PublishedAt > counters[0].CapturedAt && p.PublishedAt <= counters[^1].CapturedAt;
            missed = history.Truth.Count(InSpan) - history.Captured.Count(InSpan);
        }

        var posts = inWindow.Count;
        return new AccountActivity
        {
            AccountId = account.Id,
            Platform = account.Platform,
            Country = account.Country,
            Actor = account.Actor.ToString(),
            Name = account.Name,
            Status = lastStatus != "ok" ? lastStatus
                : age is null || age > TimeSpan.FromDays(180) ? "inactive"
                : age > TimeSpan.FromDays(30) ? "dormant" : "active",
            Posts = posts,
            Originals = Kind(PostKind.Post),
            Replies = Kind(PostKind.Reply),
            Reposts = Kind(PostKind.Repost),
            Quotes = Kind(PostKind.Quote),
            PostsPerDay = posts / (double)window.Days,
            ActiveDays = inWindow.Select(p => p.PublishedAt.UtcDateTime.Date).Distinct().Count(),
            ActiveDayShare = inWindow.Select(p => p.PublishedAt.UtcDateTime.Date).Distinct().Count() / (double)window.Days,
            MedianGapHours = median / 3_600_000d,
            WeeklyCount = inWindow.Count(p => p.PublishedAt >= window.End.AddDays(-7)),
            LastPostAt = lastPost,
            DaysSinceLastPost = age is { } a ? (long)a.TotalDays : null,
            OriginalShare = posts == 0 ? 0 : Kind(PostKind.Post) / (double)posts,
            ReplyShare = posts == 0 ? 0 : Kind(PostKind.Reply) / (double)posts,
            RepostShare = posts == 0 ? 0 : Kind(PostKind.Repost) / (double)posts,
            QuoteShare = posts == 0 ? 0 : Kind(PostKind.Quote) / (double)posts,
            ByWeekday = Enumerable.Range(0, 7).Select(d => (long)inWindow.Count(p => ((int)p.PublishedAt.DayOfWeek + 6) % 7 == d)).ToArray(),
            ByHourUtc = Enumerable.Range(0, 24).Select(h => (long)inWindow.Count(p => p.PublishedAt.UtcDateTime.Hour == h)).ToArray(),
            FollowersStart = followersStart,
            FollowersEnd = followersEnd,
            FollowerGrowth = followersEnd - followersStart,
            FollowerGrowthRelative = followersStart is { } s ? (followersEnd - s) / (double)s : null,
            PostsTotalDelta = counterDelta,
            EstimatedMissed = missed,
        };
    }
}
