using System.Globalization;
using Monitor.Core.Accounts;

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

    /// <summary>The heading of an actor-type group (<see cref="ActorType"/> name in the JSON), in the Twiplomacy study's words.</summary>
    public static string ActorGroup(string actor) => actor switch
    {
        nameof(ActorType.HeadOfState) => "Heads of state",
        nameof(ActorType.HeadOfGovernment) => "Heads of government",
        nameof(ActorType.ForeignMinistry) => "Foreign ministries",
        nameof(ActorType.ForeignMinister) => "Foreign ministers",
        nameof(ActorType.Embassy) => "Embassies",
        nameof(ActorType.Mission) => "Missions",
        nameof(ActorType.Ambassador) => "Ambassadors",
        _ => actor,
    };

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
