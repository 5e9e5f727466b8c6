using System.Globalization;
using Monitor.Core.Activity.Reports;

namespace Monitor.Core.Activity.Languages;

/// <summary>
/// The languages report as a table, its groups then the <c>all</c> row: in the terminal one row per group with its
/// three commonest languages; in CSV one row per group and language (every language, with <c>posts</c> and
/// <c>share</c>) and, where the group has any, a row with an empty language for its unknown posts.
/// </summary>
internal static class LanguageReportTables
{
    public static ReportTable Summary(LanguageReport report) => new(
        [.. Leading(Per(report)), "posts", "known", "unknown", "languages", "top languages (share of known)"],
        [.. Groups(report).Select(g => (IReadOnlyList<string>)
        [
            .. Leading(Per(report), g), Cell(g.Posts), Cell(g.KnownPosts), Cell(g.UnknownPosts), Cell(g.Languages.Count),
            string.Join(", ", g.Languages.Take(3).Select(l => $"{l.Language} {l.Share.ToString("0.0 %", CultureInfo.InvariantCulture)}")),
        ])]);

    public static ReportTable Rows(LanguageReport report) => new(
        [.. Leading(Per(report)), "language", "posts", "share", "knownPosts", "unknownPosts"],
        [.. Groups(report).SelectMany(g => g.Languages
            .Select(l => (IReadOnlyList<string>)[.. Leading(Per(report), g), l.Language, Cell(l.Posts), Cell(l.Share), Cell(g.KnownPosts), Cell(g.UnknownPosts)])
            .Concat(g.UnknownPosts == 0 ? [] : [[.. Leading(Per(report), g), string.Empty, Cell(g.UnknownPosts), string.Empty, Cell(g.KnownPosts), Cell(g.UnknownPosts)]]))]);

    private static LanguageGrouping Per(LanguageReport report) => report.Per == "country" ? LanguageGrouping.Country : LanguageGrouping.Account;

    private static IEnumerable<LanguageGroup> Groups(LanguageReport report) => report.Groups.Append(report.All);

    private static string[] Leading(LanguageGrouping per) =>
        per == LanguageGrouping.Country ? ["country", "accounts"] : ["accountId", "platform", "country"];

    private static string[] Leading(LanguageGrouping per, LanguageGroup group) => per == LanguageGrouping.Country
        ? [group.Key, Cell(group.Accounts)]
        : [group.Key, group.Platform ?? string.Empty, group.Country ?? string.Empty];

    private static string Cell(object value) => ReportTable.Cell(value);
}
