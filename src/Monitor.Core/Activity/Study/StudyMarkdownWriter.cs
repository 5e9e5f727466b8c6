using System.Text;
using static Monitor.Core.Activity.Study.StudyText;

namespace Monitor.Core.Activity.Study;

/// <summary>The study as GitHub-flavoured Markdown: the same sections and figures as the HTML, tables instead of charts.</summary>
internal static class StudyMarkdownWriter
{
    public static string Render(StudyReport report)
    {
        var md = new StringBuilder();
        var p = report.Presence;
        md.Append("# ").AppendLine(Title(report)).AppendLine()
          .AppendLine(Invariant($"{report.Window.Days} days, UTC; generated {report.Window.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC.")).AppendLine();

        md.AppendLine("## Presence").AppendLine().Append("**").Append(p.AnyPlatform.Summary).AppendLine("**").AppendLine();
        Table(md, ["platform", "listed", "share", "confirmed", "absent", "unverified"], p.Platforms.Append(p.AnyPlatform).Select(m => new[]
        {
            m.Platform, Count(m.Listed), Invariant($"{m.ListedPercent:0.0} %"), Count(m.Confirmed),
            m.Absent.Count == 0 ? "none" : string.Join(", ", m.Absent.Select(a => a.Name)),
            m.Unverified.Count == 0 ? "none" : string.Join(", ", m.Unverified.Select(u => $"{u.AccountId} ({u.LastStatus ?? "never polled"})")),
        }));
        md.AppendLine(Invariant($"Not tracked at all ({p.Untracked.Count} of {p.Members}): {(p.Untracked.Count == 0 ? "none" : string.Join(", ", p.Untracked.Select(u => u.Name)))}.")).AppendLine()
          .AppendLine("Observers: " + string.Join("; ", p.Observers.Select(o => $"{o.Name}: {(o.Listed.Count == 0 ? "not listed" : string.Join(", ", o.Listed))}")) + ".").AppendLine();

        Ranking(md, "Most followed", report.MostFollowed);
        Ranking(md, "Most active", report.MostActive);
        Ranking(md, "Most conversational", report.MostConversational);
        Ranking(md, "Most influential", report.MostInfluential);

        md.AppendLine("## Best connected (mentions network)").AppendLine().AppendLine(report.BestConnected.Note).AppendLine();
        if (report.BestConnected.Available)
        {
            Ranked(md, "mentionedBy", report.BestConnected.Accounts, report.BestConnected.ByPlatform, report.BestConnected.ByActor);
        }

        var languages = report.Languages;
        md.AppendLine("## Languages").AppendLine()
          .AppendLine(Invariant($"{Count(languages.Posts)} posts; {Count(languages.PostsWithoutLanguage)} carry no language.")).AppendLine();
        Table(md, ["language", "posts", "share", "accounts", "countries"], languages.Languages.Select(l => new[]
            { l.Language, Count(l.Posts), Percent(l.Share), Count(l.Accounts), Count(l.Countries) }));

        md.AppendLine("## Dormant and inactive accounts").AppendLine();
        Table(md, ["account", "country", "actor", "platform", "status", "last post", "days silent"], report.Dormant.Select(d => new[]
            { d.Name ?? d.AccountId, d.Country, d.Actor, d.Platform, d.Status, d.LastPostAt?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "never", d.DaysSinceLastPost?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "" }));

        md.AppendLine("## Platform adoption over time").AppendLine().AppendLine("Accounts by the year the platform says they were created (created), else by the year of their oldest stored post (on or before).").AppendLine();
        Table(md, ["platform", "year", "new", "created", "on or before", "accounts", "countries"], report.Adoption.SelectMany(s => s.Years.Select(y => new[]
            { s.Platform, Invariant($"{y.Year}"), Count(y.NewAccounts), Count(y.CreatedCount), Count(y.OnOrBeforeCount), Count(y.Accounts), Count(y.Countries) })));

        var m = report.Methods;
        md.AppendLine("## Methods").AppendLine()
          .AppendLine(Invariant($"Window {report.Window.From:yyyy-MM-dd} to {report.Window.To:yyyy-MM-dd} ({report.Window.Days} days, UTC). {m.Accounts} enabled accounts of {m.Countries} countries ({m.MembersTracked} of {p.Members} UN members) on {m.Platforms.Count} platforms; {Count(m.Polls)} polls made, {Count(m.SuccessfulPolls)} successful; {Count(m.Posts)} posts. Estimated missed posts: {Count(m.EstimatedMissedPosts)} (over {m.AccountsWithPostCounter} accounts with a post counter). Sources in trouble: {m.SourcesInTrouble.Count}."))
          .AppendLine();
        Table(md, ["account", "platform", "country", "last poll"], m.SourcesInTrouble.Select(t => new[] { t.AccountId, t.Platform, t.Country, t.Status }));
        foreach (var d in m.Definitions)
        {
            md.Append("- **").Append(d.Figure).Append("**: ").AppendLine(d.Meaning);
        }

        return md.ToString();
    }

    private static void Ranking(StringBuilder md, string title, StudyRanking ranking)
    {
        md.Append("## ").AppendLine(title).AppendLine().Append(ranking.Definition).Append(" Ranked: ").Append(ranking.Eligibility).AppendLine(".").AppendLine();
        Ranked(md, ranking.Metric, ranking.Overall, ranking.ByPlatform, ranking.ByActor);
    }

    private static void Ranked(StringBuilder md, string metric, IReadOnlyList<RankedAccount> overall, IReadOnlyList<RankingGroup> byPlatform, IReadOnlyList<RankingGroup> byActor)
    {
        RankTable(md, metric, overall);
        var sets = new (string Title, IReadOnlyList<RankingGroup> Groups, Func<string, string> Heading, RankColumn Omit)[]
        {
            ("By platform", byPlatform, g => g, RankColumn.Platform),
            ("By actor type", byActor, ActorGroup, RankColumn.Actor),
        };
        foreach (var set in sets.Where(s => s.Groups.Count > 0))
        {
            md.Append("### ").AppendLine(set.Title).AppendLine();
            foreach (var group in set.Groups)
            {
                md.Append("#### ").AppendLine(set.Heading(group.Key)).AppendLine();
                RankTable(md, metric, group.Accounts.Take(5).ToArray(), set.Omit);
            }
        }
    }

    private static void RankTable(StringBuilder md, string metric, IReadOnlyList<RankedAccount> accounts, RankColumn omit = RankColumn.None)
    {
        var (columns, rows) = RankColumns.Select(metric, accounts, omit);
        Table(md, columns, rows);
    }

    private static void Table(StringBuilder md, string[] columns, IEnumerable<string[]> rows)
    {
        var all = rows.ToArray();
        if (all.Length == 0)
        {
            md.AppendLine("_None._").AppendLine();
            return;
        }

        md.Append("| ").AppendJoin(" | ", columns).AppendLine(" |").Append('|').AppendJoin('|', columns.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in all)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
        }

        md.AppendLine();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
