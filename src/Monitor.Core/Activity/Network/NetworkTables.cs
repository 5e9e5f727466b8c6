using Monitor.Core.Activity.Reports;

namespace Monitor.Core.Activity.Network;

/// <summary>The table and CSV layouts of the entity reports.</summary>
internal static class NetworkTables
{
    public static ReportTable Accounts(MentionsReport report) => new(
        ["rank", "accountId", "platform", "country", "actor", "inDegree", "outDegree", "weightedIn", "weightedOut"],
        report.Accounts.Select(n => Row(n.Rank, n.AccountId, n.Platform, n.Country, n.Actor, n.InDegree, n.OutDegree, n.WeightedIn, n.WeightedOut)).ToArray());

    /// <summary>The edge list; as CSV its <c>source,target,weight</c> columns are what Gephi's spreadsheet import reads.</summary>
    public static ReportTable Edges(MentionsReport report) => new(
        ["source", "target", "weight", "mentions", "reposts"],
        // Typed cells, not Row's boxed ones: a year's network has an edge per ~1.2 posts, and boxing each cell cost as
        // much as writing the CSV (bench/BENCHMARKS.md).
        report.Edges.Select(IReadOnlyList<string> (e) => new[] { e.From, e.To, ReportTable.Cell(e.Weight), ReportTable.Cell(e.Mentions), ReportTable.Cell(e.Reposts) }).ToArray());

    public static ReportTable Top(EntityReport report) => new(
        [report.Per == "all" ? "group" : report.Per, "rank", report.Entity, "posts", "accounts"],
        report.Rows.Select(r => Row(r.Group, r.Rank, r.Value, r.Posts, r.Accounts)).ToArray());

    private static IReadOnlyList<string> Row(params object?[] cells) => cells.Select(ReportTable.Cell).ToArray();
}
