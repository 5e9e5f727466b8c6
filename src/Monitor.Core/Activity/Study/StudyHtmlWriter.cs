using System.Xml.Linq;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Activity.Study.Svg;
using static Monitor.Core.Activity.Study.StudyText;

namespace Monitor.Core.Activity.Study;

/// <summary>
/// The study as one self-contained HTML page: inline CSS, charts as inline SVG, no script, laid out to print (each
/// section starts on a fresh page when printed). Built as an XML tree, so it is well-formed and every text is escaped.
/// </summary>
internal static class StudyHtmlWriter
{
    private const string Css = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #222; margin: 0 auto; max-width: 980px; padding: 24px; }
        h1 { font-size: 26px; margin: 0 0 4px; } h2 { font-size: 20px; border-bottom: 2px solid #08519c; padding-bottom: 2px; margin-top: 32px; }
        h3 { font-size: 15px; margin: 18px 0 6px; } p.lead { color: #555; margin: 0 0 16px; }
        table { border-collapse: collapse; margin: 6px 0 12px; width: 100%; font-size: 13px; }
        th, td { border-bottom: 1px solid #e3e3e3; padding: 3px 6px; text-align: left; vertical-align: top; }
        th { background: #f3f6fa; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
        svg { display: block; width: 100%; height: auto; margin: 8px 0; } svg.chart { max-width: 640px; }
        svg text { font-size: 11px; fill: #333; } svg .bar { fill: #3182bd; } svg .axis { stroke: #999; }
        .legend { font-size: 12px; margin: 0 0 10px; padding: 0; list-style: none; } .legend li { display: inline-block; margin: 0 14px 4px 0; white-space: nowrap; }
        .legend span { display: inline-block; width: 12px; height: 12px; border: 1px solid #888; margin-right: 4px; vertical-align: -2px; }
        .headline { font-size: 17px; font-weight: 600; } .note { color: #666; font-style: italic; }
        .groups { columns: 2; column-gap: 24px; } .groups section { break-inside: avoid; }
        dl dt { font-weight: 600; } dl dd { margin: 0 0 6px 16px; }
        @media print { body { max-width: none; padding: 0; } h2 { break-before: page; } section#presence h2 { break-before: auto; } a { color: inherit; text-decoration: none; } }
        """;

    private static readonly HashSet<string> VoidElements = ["meta", "link", "br", "hr", "img", "input"];

    public static string Render(StudyReport report)
    {
        var body = new XElement("body",
            new XElement("header",
                new XElement("h1", Title(report)),
                new XElement("p", new XAttribute("class", "lead"),
                    Invariant($"{report.Window.Days} days, UTC. Generated {report.Window.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC from the monitor's record: {report.Methods.Accounts} accounts of {report.Methods.Countries} countries on {report.Methods.Platforms.Count} platforms.")),
                new XElement("nav", new XElement("p", Sections.Select((s, i) => new object[] { i == 0 ? "" : " · ", new XElement("a", new XAttribute("href", "#" + s.Id), s.Title) })))),
            Presence(report),
            Ranking("most-followed", "Most followed", report.MostFollowed),
            Ranking("most-active", "Most active", report.MostActive),
            Ranking("most-conversational", "Most conversational", report.MostConversational),
            Ranking("most-influential", "Most influential", report.MostInfluential),
            BestConnected(report.BestConnected),
            Languages(report.Languages),
            Dormant(report.Dormant),
            Adoption(report.Adoption),
            Methods(report));
        var html = new XElement("html", new XAttribute("lang", "en"),
            new XElement("head",
                new XElement("meta", new XAttribute("charset", "utf-8")),
                new XElement("meta", new XAttribute("name", "viewport"), new XAttribute("content", "width=device-width, initial-scale=1")),
                new XElement("title", Title(report)),
                new XElement("style", Css)),
            body);
        // HTML has no self-closing elements outside SVG: an empty <span/> would open a span around what follows.
        foreach (var empty in html.DescendantsAndSelf().Where(e => e.Name.Namespace == XNamespace.None && e.IsEmpty && !VoidElements.Contains(e.Name.LocalName)))
        {
            empty.Value = string.Empty;
        }

        return "<!DOCTYPE html>\n" + html.ToString(SaveOptions.None) + "\n";
    }

    private static XElement Section(string id, string title, params object?[] content) =>
        new("section", new XAttribute("id", id), new XElement("h2", title), content);

    private static XElement Presence(StudyReport report)
    {
        var p = report.Presence;
        var platforms = p.Platforms.Count;
        return Section("presence", "Presence",
            new XElement("p", new XAttribute("class", "headline"), p.AnyPlatform.Summary.Replace(" on any:", " on at least one platform:", StringComparison.Ordinal)),
            p.ActiveOnly ? new XElement("p", new XAttribute("class", "note"), "Only accounts that posted in the window count.") : null,
            PresenceMapSvg.Render(p, platforms),
            new XElement("ul", new XAttribute("class", "legend"), PresenceMapSvg.Legend(platforms).Select(l =>
                new XElement("li", new XElement("span", new XAttribute("style", $"background:{l.Fill}")), l.Label))),
            Table(["platform", "listed", "share", "confirmed", "absent", "unverified"], p.Platforms.Append(p.AnyPlatform).Select(m => new object?[]
            {
                m.Platform, Count(m.Listed), Invariant($"{m.ListedPercent:0.0} %"), Count(m.Confirmed),
                m.Absent.Count == 0 ? "none" : string.Join(", ", m.Absent.Select(a => a.Name)),
                m.Unverified.Count == 0 ? "none" : string.Join(", ", m.Unverified.Select(u => $"{u.AccountId} ({u.LastStatus ?? "never polled"})")),
            }), numeric: [1, 2, 3]),
            new XElement("p", Invariant($"Not tracked at all ({p.Untracked.Count} of {p.Members} members, a gap in the account list): "),
                p.Untracked.Count == 0 ? "none." : string.Join(", ", p.Untracked.Select(u => u.Name)) + "."),
            new XElement("p", "Observer states: ", string.Join("; ", p.Observers.Select(o => $"{o.Name}: {(o.Listed.Count == 0 ? "not listed" : string.Join(", ", o.Listed))}")) + "."));
    }

    private static XElement Ranking(string id, string title, StudyRanking ranking) =>
        Section(id, title,
            new XElement("p", ranking.Definition, " Ranked: ", ranking.Eligibility, "."),
            Ranked(title, ranking.Metric, ranking.Overall, ranking.ByPlatform, ranking.ByActor));

    private static object?[] Ranked(string title, string metric, IReadOnlyList<RankedAccount> overall, IReadOnlyList<RankingGroup> byPlatform, IReadOnlyList<RankingGroup> byActor) =>
    [
        overall.Count == 0
            ? new XElement("p", new XAttribute("class", "note"), "No account qualifies in this window.")
            : BarChartSvg.Render(title, overall.Select(r => (Label(r), r.Value, Figure(metric, r.Value))).ToArray()),
        overall.Count == 0 ? null : RankTable(metric, overall),
        Groups("By platform", metric, byPlatform, g => g, RankColumn.Platform),
        Groups("By actor type", metric, byActor, ActorGroup, RankColumn.Actor),
    ];

    // A group's own column (its platform, its actor type) is left out of its table.
    private static XElement? Groups(string title, string metric, IReadOnlyList<RankingGroup> groups, Func<string, string> heading, RankColumn omit) => groups.Count == 0 ? null :
        new XElement("div", new XElement("h3", title), new XElement("div", new XAttribute("class", "groups"),
            groups.Select(g => new XElement("section", new XElement("h3", heading(g.Key)), RankTable(metric, g.Accounts.Take(5).ToArray(), omit)))));

    private static XElement RankTable(string metric, IReadOnlyList<RankedAccount> accounts, RankColumn omit = RankColumn.None)
    {
        var (columns, rows) = RankColumns.Select(metric, accounts, omit);
        return Table(columns, rows, numeric: [0, columns.Length - 2, columns.Length - 1]);
    }

    private static XElement BestConnected(MentionsSection section) =>
        Section("best-connected", "Best connected (mentions network)",
            new XElement("p", section.Available ? null : new XAttribute("class", "note"), section.Note),
            section.Available ? Ranked("Best connected", "mentionedBy", section.Accounts, section.ByPlatform, section.ByActor) : null);

    private static XElement Languages(LanguageSection languages) =>
        Section("languages", "Languages",
            new XElement("p", Invariant($"{Count(languages.Posts)} posts in the window; {Count(languages.PostsWithoutLanguage)} carry no language.")),
            languages.Languages.Count == 0 ? null
                : BarChartSvg.Render("Posts per language", languages.Languages.Take(15).Select(l => (l.Language, (double)l.Posts, Percent(l.Share))).ToArray()),
            Table(["language", "posts", "share", "accounts", "countries"], languages.Languages.Select(l => new object?[]
                { l.Language, Count(l.Posts), Percent(l.Share), l.Accounts, l.Countries }), numeric: [1, 2, 3, 4]));

    private static XElement Dormant(IReadOnlyList<DormantEntry> dormant) =>
        Section("dormant", "Dormant and inactive accounts",
            new XElement("p", Invariant($"{dormant.Count} accounts went quiet: longest silence first, never posted last.")),
            Table(["account", "country", "actor", "platform", "status", "last post", "days silent"], dormant.Select(d => new object?[]
                { d.Name ?? d.AccountId, d.Country, d.Actor, d.Platform, d.Status, d.LastPostAt?.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "never", d.DaysSinceLastPost }), numeric: [6]));

    private static XElement Adoption(IReadOnlyList<AdoptionSeries> adoption) =>
        Section("adoption", "Platform adoption over time",
            new XElement("p", "Accounts by the year the platform says they were created (created) where it gives one, else by the year of their oldest stored post (on or before: polls reach back only so far)."),
            AdoptionChartSvg.Render(adoption),
            Table(["platform", "year", "new", "created", "on or before", "accounts", "countries"], adoption.SelectMany(s => s.Years.Select(y => new object?[]
                { s.Platform, y.Year, y.NewAccounts, y.CreatedCount, y.OnOrBeforeCount, y.Accounts, y.Countries })), numeric: [1, 2, 3, 4, 5, 6]));

    private static XElement Methods(StudyReport report)
    {
        var m = report.Methods;
        return Section("methods", "Methods",
            new XElement("p", Invariant($"Window {report.Window.From:yyyy-MM-dd} to {report.Window.To:yyyy-MM-dd} ({report.Window.Days} days, UTC). {m.Accounts} enabled accounts of {m.Countries} countries ({m.MembersTracked} of {report.Presence.Members} UN members) on {m.Platforms.Count} platforms; {Count(m.Polls)} polls made, {Count(m.SuccessfulPolls)} successful; {Count(m.Posts)} posts.")),
            Table(["platform", "accounts", "countries"], m.Platforms.Select(p => new object?[] { p.Platform, p.Accounts, p.Countries }), numeric: [1, 2]),
            new XElement("h3", "Completeness"),
            new XElement("p", Invariant($"Estimated missed posts: {Count(m.EstimatedMissedPosts)} (over the {m.AccountsWithPostCounter} accounts whose platform gives a post counter). Sources in trouble: {m.SourcesInTrouble.Count}.")),
            m.SourcesInTrouble.Count == 0 ? null
                : Table(["account", "platform", "country", "last poll"], m.SourcesInTrouble.Select(t => new object?[] { t.AccountId, t.Platform, t.Country, t.Status })),
            new XElement("h3", "Definitions"),
            new XElement("dl", m.Definitions.Select(d => new object[] { new XElement("dt", d.Figure), new XElement("dd", d.Meaning) })));
    }

    private static string Label(RankedAccount r) => $"{r.Name ?? r.AccountId} ({r.Country}, {r.Platform})";

    private static XElement Table(string[] columns, IEnumerable<object?[]> rows, int[]? numeric = null)
    {
        string? Class(int i) => numeric?.Contains(i) == true ? "n" : null;
        return new XElement("table",
            new XElement("thead", new XElement("tr", columns.Select((c, i) => new XElement("th", Class(i) is { } n ? new XAttribute("class", n) : null, c)))),
            new XElement("tbody", rows.Select(r => new XElement("tr", r.Select((cell, i) =>
                new XElement("td", Class(i) is { } n ? new XAttribute("class", n) : null, ReportTable.Cell(cell)))))));
    }
}
