namespace Monitor.Core.Activity.Reports;

/// <summary>
/// The Twiplomacy view: which platforms each country is present on (at least one enabled tracked account), totals
/// "N of M countries present on platform P" with the countries missing, and the same per actor type.
/// M is the number of countries with any enabled tracked account.
/// </summary>
public sealed record PresenceReport(
    IReadOnlyList<CountryPresence> Countries,
    IReadOnlyList<PlatformPresence> Platforms,
    IReadOnlyList<ActorPresence> Actors)
{
    /// <summary>Presence against the 193 UN member states (listed, confirmed, absent, untracked, unverified).</summary>
    public MembershipPresence? Membership { get; init; }
}

/// <summary>One country: its platforms and actor types, sorted, and its number of accounts.</summary>
public sealed record CountryPresence(string Country, IReadOnlyList<string> Platforms, IReadOnlyList<string> Actors, int Accounts);

/// <summary>N (<paramref name="Present"/>) of M (<paramref name="Countries"/>) countries have an account on the platform.</summary>
public sealed record PlatformPresence(string Platform, int Present, int Countries, IReadOnlyList<string> Missing);

/// <summary>Countries with an account of this actor type, overall and per platform.</summary>
public sealed record ActorPresence(string Actor, int Present, int Countries, IReadOnlyDictionary<string, int> PresentByPlatform);

/// <summary>One leaderboard row.</summary>
public sealed record LeaderboardEntry(int Rank, string AccountId, string Platform, string Country, string Actor, string? Name, string Metric, double Value);

/// <summary>One account that went quiet.</summary>
public sealed record DormantEntry(string AccountId, string Platform, string Country, string Actor, string? Name, string Status,
    DateTimeOffset? LastPostAt, long? DaysSinceLastPost);
