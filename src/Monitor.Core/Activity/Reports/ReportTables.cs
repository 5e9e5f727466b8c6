using static Monitor.Core.Activity.Reports.ReportTable;

namespace Monitor.Core.Activity.Reports;

/// <summary>
/// The column layout of each report in table and CSV form. CSV carries every figure (histograms as
/// <c>mon..sun</c> and <c>h00..h23</c>); the terminal table leaves the histograms out to stay readable.
/// </summary>
internal static class ReportTables
{
    private static readonly string[] ActivityColumns =
    [
        "accountId", "platform", "country", "actor", "name", "status", "posts", "originals", "replies", "reposts", "quotes",
        "postsPerDay", "activeDays", "activeDayShare", "medianGapHours", "weeklyCount", "lastPostAt", "daysSinceLastPost",
        "originalShare", "replyShare", "repostShare", "quoteShare", "followersStart", "followersEnd", "followerGrowth",
        "followerGrowthRelative", "postsTotalDelta", "estimatedMissed",
    ];

    private static readonly string[] Weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static ReportTable Activity(IReadOnlyList<AccountActivity> rows, bool histograms)
    {
        var columns = histograms
            ? ActivityColumns.Concat(Weekdays).Concat(Enumerable.Range(0, 24).Select(h => $"h{h:00}")).ToArray()
            : ActivityColumns;
        return new ReportTable(columns, rows.Select(r => ActivityRow(r, histograms)).ToArray());
    }

    // Typed cells, no boxing: a 10,000-account CSV formats 590,000 of them (bench/BENCHMARKS.md).
    private static string[] ActivityRow(AccountActivity r, bool histograms)
    {
        string[] main =
        [
            r.AccountId, r.Platform, r.Country, r.Actor, r.Name ?? string.Empty, r.Status, Cell(r.Posts), Cell(r.Originals),
            Cell(r.Replies), Cell(r.Reposts), Cell(r.Quotes), Cell(r.PostsPerDay), Cell(r.ActiveDays), Cell(r.ActiveDayShare),
            Cell(r.MedianGapHours), Cell(r.WeeklyCount), Cell(r.LastPostAt), Cell(r.DaysSinceLastPost), Cell(r.OriginalShare),
            Cell(r.ReplyShare), Cell(r.RepostShare), Cell(r.QuoteShare), Cell(r.FollowersStart), Cell(r.FollowersEnd),
            Cell(r.FollowerGrowth), Cell(r.FollowerGrowthRelative), Cell(r.PostsTotalDelta), Cell(r.EstimatedMissed),
        ];
        if (!histograms)
        {
            return main;
        }

        var cells = new string[main.Length + r.ByWeekday.Count + r.ByHourUtc.Count];
        main.CopyTo(cells, 0);
        var next = main.Length;
        foreach (var count in r.ByWeekday.Concat(r.ByHourUtc))
        {
            cells[next++] = Cell(count);
        }

        return cells;
    }

    /// <summary>The terminal's activity table: the main figures of each account, so a row fits 120 columns.</summary>
    public static ReportTable ActivitySummary(IReadOnlyList<AccountActivity> rows) => new(
        ["accountId", "platform", "country", "status", "posts", "postsPerDay", "activeDays", "lastPostAt", "followersEnd"],
        rows.Select(r => (IReadOnlyList<string>)new object?[]
        {
            r.AccountId, r.Platform, r.Country, r.Status, r.Posts, r.PostsPerDay, r.ActiveDays, r.LastPostAt, r.FollowersEnd,
        }.Select(ReportTable.Cell).ToArray()).ToArray());

    /// <summary>
    /// One row per country and platform (long form, so the columns never change): present 0/1 (any enabled account) and
    /// actors, then the membership view: the state's name, <c>member|observer|other</c>, listed and confirmed 0/1.
    /// Untracked member states get rows too (present 0), so the 193 members are all there.
    /// </summary>
    public static ReportTable Presence(PresenceReport report)
    {
        var platforms = report.Platforms.Select(p => p.Platform).ToArray();
        var states = (report.Membership?.States ?? []).Concat(report.Membership?.Observers ?? [])
            .ToDictionary(s => s.Country, StringComparer.Ordinal);
        var observers = (report.Membership?.Observers ?? []).Select(o => o.Country).ToHashSet(StringComparer.Ordinal);
        var countries = report.Countries.ToDictionary(c => c.Country, StringComparer.Ordinal);
        var codes = countries.Keys.Concat(states.Values.Where(s => !s.Tracked && !observers.Contains(s.Country)).Select(s => s.Country))
            .Distinct().Order(StringComparer.Ordinal);
        var rows = codes.SelectMany(code => platforms.Select(p =>
        {
            var country = countries.GetValueOrDefault(code);
            var state = states.GetValueOrDefault(code);
            return (IReadOnlyList<string>)
            [
                code, p, country?.Platforms.Contains(p) == true ? "1" : "0", string.Join(';', country?.Actors ?? []),
                state?.Name ?? string.Empty, state is null ? "other" : observers.Contains(code) ? "observer" : "member",
                state?.Listed.Contains(p) == true ? "1" : "0", state?.Confirmed.Contains(p) == true ? "1" : "0",
            ];
        })).ToArray();
        return new ReportTable(["country", "platform", "present", "actors", "name", "membership", "listed", "confirmed"], rows);
    }

    /// <summary>The membership totals for the terminal: one summary per platform, absent, untracked and unverified by name.</summary>
    public static IEnumerable<string> MembershipLines(MembershipPresence membership)
    {
        yield return string.Empty;
        yield return $"UN member states ({membership.Members}{(membership.ActiveOnly ? ", accounts that posted in the window only" : string.Empty)}):";
        foreach (var platform in membership.Platforms.Append(membership.AnyPlatform))
        {
            yield return platform.Summary;
            if (platform.Absent.Count > 0)
            {
                yield return $"  absent: {Names(platform.Absent)}";
            }

            if (platform.Unverified.Count > 0)
            {
                yield return "  unverified: " + string.Join(", ", platform.Unverified.Select(u => $"{u.AccountId} ({u.LastStatus ?? "never polled"})"));
            }
        }

        yield return $"{membership.Untracked.Count} members not tracked at all" + (membership.Untracked.Count == 0 ? string.Empty : $": {Names(membership.Untracked)}");
        foreach (var observer in membership.Observers)
        {
            yield return $"Observer {observer.Name}: {(observer.Listed.Count == 0 ? "not listed" : string.Join(", ", observer.Listed))}";
        }
    }

    private static string Names(IEnumerable<StateName> states) => string.Join(", ", states.Select(s => s.Name));

    /// <summary>The terminal view of presence: a country × platform grid, then the totals.</summary>
    public static ReportTable PresenceGrid(PresenceReport report)
    {
        var platforms = report.Platforms.Select(p => p.Platform).ToArray();
        var rows = report.Countries.Select(c => (IReadOnlyList<string>)
            [c.Country, .. platforms.Select(p => c.Platforms.Contains(p) ? "yes" : "-"), ReportTable.Cell(c.Accounts)]).ToList();
        return new ReportTable(["country", .. platforms, "accounts"], rows);
    }

    public static IEnumerable<string> PresenceTotals(PresenceReport report) =>
        report.Platforms.Select(p => $"{p.Present} of {p.Countries} countries present on {p.Platform}"
                + (p.Missing.Count == 0 ? string.Empty : $"; missing: {string.Join(", ", p.Missing)}"))
            .Concat(report.Actors.Select(a => $"{a.Present} of {a.Countries} countries have {Article(a.Actor.ToString())} {a.Actor} account ("
                + string.Join(", ", a.PresentByPlatform.Select(kv => $"{kv.Key} {kv.Value}")) + ")"));

    /// <summary>"a" or "an" before an actor type: "an Embassy account", "a Mission account".</summary>
    private static string Article(string word) => word.Length > 0 && "AEIOUaeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    public static ReportTable Leaderboard(IReadOnlyList<LeaderboardEntry> entries) => new(
        ["rank", "accountId", "platform", "country", "actor", "name", entries.FirstOrDefault()?.Metric ?? "value"],
        entries.Select(e => (IReadOnlyList<string>)new object?[] { e.Rank, e.AccountId, e.Platform, e.Country, e.Actor, e.Name, e.Value }
            .Select(ReportTable.Cell).ToArray()).ToArray());

    public static ReportTable Dormant(IReadOnlyList<DormantEntry> entries) => new(
        ["accountId", "platform", "country", "actor", "name", "status", "lastPostAt", "daysSinceLastPost"],
        entries.Select(e => (IReadOnlyList<string>)new object?[] { e.AccountId, e.Platform, e.Country, e.Actor, e.Name, e.Status, e.LastPostAt, e.DaysSinceLastPost }
            .Select(ReportTable.Cell).ToArray()).ToArray());
}
