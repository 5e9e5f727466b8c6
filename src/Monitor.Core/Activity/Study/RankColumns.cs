using static Monitor.Core.Activity.Study.StudyText;

namespace Monitor.Core.Activity.Study;

/// <summary>A column a ranking's group table may leave out: the one all its rows share.</summary>
internal enum RankColumn
{
    None,
    Platform,
    Actor,
}

/// <summary>The columns and cells of a ranking table, the same in the HTML and the Markdown study.</summary>
internal static class RankColumns
{
    public static (string[] Columns, IEnumerable<string[]> Rows) Select(string metric, IReadOnlyList<RankedAccount> accounts, RankColumn omit)
    {
        string[] columns = ["#", "account", "country", "actor", "platform", metric, "posts"];
        var skip = omit switch { RankColumn.Actor => 3, RankColumn.Platform => 4, _ => -1 };
        var rows = accounts.Select(r => new[] { Count(r.Rank), r.Name ?? r.AccountId, r.CountryName, r.Actor, r.Platform, Figure(metric, r.Value), Count(r.Posts) });
        return (Without(columns, skip), rows.Select(row => Without(row, skip)));
    }

    private static string[] Without(string[] cells, int index) => index < 0 ? cells : [.. cells[..index], .. cells[(index + 1)..]];
}
