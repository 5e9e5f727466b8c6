namespace Monitor.Core.Activity.Network;

/// <summary>
/// <c>report mentions</c>: the mentions network among enabled tracked accounts over the window. <see cref="Accounts"/>
/// holds every account with an edge, best connected first; <see cref="Edges"/> every weighted edge, by (from, to).
/// </summary>
public sealed record MentionsReport(DateOnly From, DateOnly To, IReadOnlyList<NetworkNode> Accounts, IReadOnlyList<MentionEdge> Edges);

/// <summary>
/// An account of the network. <paramref name="InDegree"/>: distinct tracked accounts that mention or repost it (the
/// "best connected" figure, as Twiplomacy counted connections); <paramref name="OutDegree"/>: distinct tracked accounts
/// it mentions or reposts; the weighted degrees sum the edges' weights. <paramref name="Rank"/> orders by in-degree,
/// then weighted in-degree (both descending), then account id.
/// </summary>
public sealed record NetworkNode(
    int Rank, string AccountId, string Platform, string Country, string Actor, string? Name,
    int InDegree, int OutDegree, long WeightedIn, long WeightedOut);
