using System.CommandLine;
using Monitor.Core.Activity.Network;
using Monitor.Core.Activity.Reports;

namespace Monitor.Worker.Cli;

/// <summary>The options and checks <c>report mentions|hashtags|links</c> add to <see cref="ReportCommand"/>.</summary>
internal static class EntityReportOptions
{
    public static readonly string[] Names = ["mentions", "hashtags", "links"];

    public static Option<string> Per() =>
        new Option<string>("--per") { Description = "hashtags/links: top N over all accounts (default), per account or per country; languages: a row per account (default) or per country" }
            .Only("all", "account", "country");

    public static bool IsEntityReport(ReportKind kind) => kind is ReportKind.Mentions or ReportKind.Hashtags or ReportKind.Links;

    public static EntityGrouping Grouping(string? per) => Enum.TryParse<EntityGrouping>(per, ignoreCase: true, out var grouping) ? grouping : EntityGrouping.All;

    /// <summary>The error line for graphml asked of a report other than mentions (the study has its own), or null.</summary>
    public static string? CheckFormat(string name, string format) =>
        format == "graphml" && name is not ("mentions" or "study") ? $"--format graphml is for the mentions network; {name} takes table, csv or json." : null;

    /// <summary>The error line for a <c>--per</c> the report does not group by (languages: account or country), or null.</summary>
    public static string? CheckPer(string name, string? per) =>
        per is null ? null
        : name == "languages" && per == "all" ? "--per all is for hashtags and links; languages takes --per account (default) or country."
        : name is not ("languages" or "hashtags" or "links") ? $"--per is for hashtags, links and languages; {name} does not group."
        : null;
}
