namespace Monitor.Core.Activity.Reports;

/// <summary>
/// Presence against the 193 UN member states, Twiplomacy's measure: per platform the members that are listed (an
/// enabled account not known to be gone), how many of them a poll in the window confirmed, the absent members, and apart
/// from absence the members the account list does not track at all. Observers (Holy See, State of Palestine) are shown apart.
/// </summary>
/// <param name="Members">193.</param>
/// <param name="ActiveOnly">Whether only accounts that posted in the window counted.</param>
/// <param name="Tracked">Members with at least one enabled account on any platform.</param>
/// <param name="Untracked">Members without any enabled account: a gap in the list, not an absence.</param>
/// <param name="AnyPlatform">The same figures for presence on at least one platform (platform <c>any</c>).</param>
/// <param name="Platforms">One entry per platform with an enabled account, ordered by key.</param>
/// <param name="States">Every member state with the platforms it is listed and confirmed on.</param>
/// <param name="Observers">The observer states and the platforms they are listed on.</param>
public sealed record MembershipPresence(
    int Members,
    bool ActiveOnly,
    int Tracked,
    IReadOnlyList<StateName> Untracked,
    PlatformMembership AnyPlatform,
    IReadOnlyList<PlatformMembership> Platforms,
    IReadOnlyList<MemberPresence> States,
    IReadOnlyList<MemberPresence> Observers);

/// <summary>
/// One platform: <c>189 of 193 UN members (97.9 %)</c>. Percentages are rounded to one decimal (half away from zero).
/// Listed + absent + untracked members = 193.
/// </summary>
/// <param name="Platform">Platform key, or <c>any</c>.</param>
/// <param name="Members">193.</param>
/// <param name="Listed">Members with a counting account on the platform.</param>
/// <param name="ListedPercent">Listed ÷ members × 100, one decimal.</param>
/// <param name="Confirmed">Members with a counting account that had a successful poll in the window.</param>
/// <param name="ConfirmedPercent">Confirmed ÷ members × 100, one decimal.</param>
/// <param name="Summary">The sentence: <c>189 of 193 UN members (97.9 %) on x: 189 listed, 0 confirmed</c>.</param>
/// <param name="Absent">Tracked members not listed on the platform, by name.</param>
/// <param name="Unverified">Counting accounts of members without a successful poll in the window.</param>
public sealed record PlatformMembership(
    string Platform,
    int Members,
    int Listed,
    double ListedPercent,
    int Confirmed,
    double ConfirmedPercent,
    string Summary,
    IReadOnlyList<StateName> Absent,
    IReadOnlyList<UnverifiedAccount> Unverified);

/// <summary>A state by ISO 3166-1 alpha-3 code and English short name.</summary>
public sealed record StateName(string Country, string Name);

/// <summary>A listed account no poll confirmed in the window: never polled (<c>LastStatus</c> null), unauthorized, failing.</summary>
public sealed record UnverifiedAccount(string AccountId, string Platform, string Country, string? LastStatus);

/// <summary>One member (or observer) state: whether the list tracks it, and the platforms it is listed and confirmed on.</summary>
public sealed record MemberPresence(string Country, string Name, bool Tracked, IReadOnlyList<string> Listed, IReadOnlyList<string> Confirmed);
