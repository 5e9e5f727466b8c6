using System.Globalization;

namespace Monitor.Core.Activity.Study;

/// <summary>How the HTML and Markdown study print figures, so both read alike: invariant culture.</summary>
internal static class StudyText
{
    public static readonly (string Title, string Id)[] Sections =
    [
        ("Presence", "presence"),
        ("Most followed", "most-followed"),
        ("Most active", "most-active"),
        ("Most conversational", "most-conversational"),
        ("Most influential", "most-influential"),
        ("Best connected", "best-connected"),
        ("Languages", "languages"),
        ("Dormant and inactive accounts", "dormant"),
        ("Platform adoption over time", "adoption"),
        ("Methods", "methods"),
    ];

    public static string Title(StudyReport report) =>
        Invariant($"Digital diplomacy study, {report.Window.From:yyyy-MM-dd} to {report.Window.To:yyyy-MM-dd}");

    public static string Figure(string metric, double value) => metric switch
    {
        "replyShare" => Invariant($"{value * 100:0.0} %"),
        "followers" or "mentionedBy" => value.ToString("#,0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    public static string Percent(double share) => Invariant($"{share * 100:0.0} %");

    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
