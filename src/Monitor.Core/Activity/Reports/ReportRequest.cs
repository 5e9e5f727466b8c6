using Monitor.Core.Accounts;

namespace Monitor.Core.Activity.Reports;

/// <summary>The reports: <c>activity</c>, <c>presence</c>, <c>leaderboard</c>, <c>dormant</c>, <c>engagement</c>, <c>mentions</c>, <c>hashtags</c>, <c>links</c>, <c>languages</c>.</summary>
public enum ReportKind
{
    Activity,
    Presence,
    Leaderboard,
    Dormant,

    /// <summary>Interactions per post and the top posts' overperforming scores (<see cref="Engagement.EngagementReportService"/>).</summary>
    Engagement,
    Mentions,
    Hashtags,
    Links,
    Languages,
}

/// <summary>Output formats: aligned plain-text <c>table</c>, RFC 4180 <c>csv</c>, camelCase <c>json</c>.</summary>
public enum ReportFormat
{
    Table,
    Csv,
    Json,

    /// <summary>GraphML for Gephi: <c>report mentions</c> only.</summary>
    Graphml,
}

/// <summary>What a leaderboard ranks by: <c>postsPerDay</c>, <c>followers</c> (at the window's end), <c>followerGrowth</c> (absolute).</summary>
public enum LeaderboardMetric
{
    PostsPerDay,
    Followers,
    FollowerGrowth,
}

/// <summary>One report to produce, as a CLI command or an HTTP call parsed it.</summary>
/// <param name="Kind">Which report.</param>
/// <param name="Window">The UTC days covered (presence: for confirmed polls and, with <see cref="ActiveOnly"/>, posts).</param>
/// <param name="Format">How to write it.</param>
public sealed record ReportRequest(ReportKind Kind, ActivityWindow Window, ReportFormat Format)
{
    /// <summary>Leaderboard: the figure to rank by.</summary>
    public LeaderboardMetric By { get; init; } = LeaderboardMetric.PostsPerDay;

    /// <summary>Languages: rows per account (default) or per country.</summary>
    public Languages.LanguageGrouping LanguagesPer { get; init; }

    /// <summary>Leaderboard, dormant, engagement and languages: only this platform key.</summary>
    public string? Platform { get; init; }

    /// <summary>Leaderboard, dormant, engagement and languages: only this actor type.</summary>
    public ActorType? Actor { get; init; }

    /// <summary>Presence: count only accounts that posted in the window.</summary>
    public bool ActiveOnly { get; init; }

    /// <summary>Hashtags and links: the top N over all accounts, per account or per country.</summary>
    public Network.EntityGrouping Per { get; init; } = Network.EntityGrouping.All;

    /// <summary>Leaderboard, hashtags and links: how many rows (per group); engagement: how many top posts. Default 10.</summary>
    public int Top { get; init; } = 10;

    /// <summary>
    /// Table format: every column in full. By default a table fits <see cref="TableReportWriter.TerminalWidth"/>
    /// columns (the activity table shows its main figures; csv and json always carry every figure).
    /// </summary>
    public bool Wide { get; init; }

    /// <summary>Parses a report, format or leaderboard-metric name case-insensitively (<c>activity</c>, <c>csv</c>, <c>postsPerDay</c>).</summary>
    public static bool TryParseName<TEnum>(string? value, out TEnum result)
        where TEnum : struct, Enum =>
        Enum.TryParse(value, ignoreCase: true, out result) && Enum.IsDefined(result) && !int.TryParse(value, out _);
}
