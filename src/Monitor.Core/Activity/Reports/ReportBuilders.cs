using Monitor.Core.Accounts;

namespace Monitor.Core.Activity.Reports;

/// <summary>Presence, leaderboard and dormant reports, built from the accounts and the per-account activity rows.</summary>
internal static class ReportBuilders
{
    public static PresenceReport BuildPresence(IReadOnlyList<TrackedAccount> accounts)
    {
        var countries = accounts.Select(a => a.Country).Distinct().Order(StringComparer.Ordinal).ToArray();
        var platforms = accounts.Select(a => a.Platform).Distinct().Order(StringComparer.Ordinal).ToArray();
        var byCountry = countries.Select(c =>
        {
            var own = accounts.Where(a => a.Country == c).ToArray();
            return new CountryPresence(c,
                own.Select(a => a.Platform).Distinct().Order(StringComparer.Ordinal).ToArray(),
                own.Select(a => a.Actor.ToString()).Distinct().Order(StringComparer.Ordinal).ToArray(),
                own.Length);
        }).ToArray();
        var byPlatform = platforms.Select(p =>
        {
            var present = byCountry.Where(c => c.Platforms.Contains(p)).Select(c => c.Country).ToHashSet();
            return new PlatformPresence(p, present.Count, countries.Length, countries.Where(c => !present.Contains(c)).ToArray());
        }).ToArray();
        var byActor = accounts.Select(a => a.Actor).Distinct().Order().Select(actor =>
        {
            var own = accounts.Where(a => a.Actor == actor).ToArray();
            return new ActorPresence(actor.ToString(), own.Select(a => a.Country).Distinct().Count(), countries.Length,
                own.GroupBy(a => a.Platform).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.Select(a => a.Country).Distinct().Count()));
        }).ToArray();
        return new PresenceReport(byCountry, byPlatform, byActor);
    }

    /// <summary>Highest first; accounts without the figure (no follower counts) are left out; ties by account id.</summary>
    public static IReadOnlyList<LeaderboardEntry> BuildLeaderboard(IEnumerable<AccountActivity> rows, ReportRequest request)
    {
        var metric = request.By switch
        {
            LeaderboardMetric.Followers => "followers",
            LeaderboardMetric.FollowerGrowth => "followerGrowth",
            _ => "postsPerDay",
        };
        return Filter(rows, request)
            .Select(r => (Row: r, Value: request.By switch
            {
                LeaderboardMetric.Followers => (double?)r.FollowersEnd,
                LeaderboardMetric.FollowerGrowth => r.FollowerGrowth,
                _ => r.PostsPerDay,
            }))
            .Where(x => x.Value is not null)
            .OrderByDescending(x => x.Value).ThenBy(x => x.Row.AccountId, StringComparer.Ordinal)
            .Take(request.Top)
            .Select((x, i) => new LeaderboardEntry(i + 1, x.Row.AccountId, x.Row.Platform, x.Row.Country, x.Row.Actor, x.Row.Name, metric, x.Value!.Value))
            .ToArray();
    }

    /// <summary>Dormant and inactive accounts, longest silence first; accounts that never posted last.</summary>
    public static IReadOnlyList<DormantEntry> BuildDormant(IEnumerable<AccountActivity> rows, ReportRequest request) =>
        Filter(rows, request)
            .Where(r => r.Status is ActivityStatus.Dormant or ActivityStatus.Inactive)
            .OrderBy(r => r.DaysSinceLastPost is null).ThenByDescending(r => r.DaysSinceLastPost).ThenBy(r => r.AccountId, StringComparer.Ordinal)
            .Select(r => new DormantEntry(r.AccountId, r.Platform, r.Country, r.Actor, r.Name, r.Status, r.LastPostAt, r.DaysSinceLastPost))
            .ToArray();

    private static IEnumerable<AccountActivity> Filter(IEnumerable<AccountActivity> rows, ReportRequest request) =>
        rows.Where(r => (request.Platform is null || r.Platform == Platforms.Normalize(request.Platform))
            && (request.Actor is null || r.Actor == request.Actor.ToString()));
}
