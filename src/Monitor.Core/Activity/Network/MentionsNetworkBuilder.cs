using Monitor.Core.Accounts;

namespace Monitor.Core.Activity.Network;

/// <summary>Degrees and the "best connected" ranking of a resolved mentions network: pure arithmetic over the edges.</summary>
public static class MentionsNetworkBuilder
{
    public static MentionsReport Build(ActivityWindow window, IReadOnlyList<TrackedAccount> accounts, IReadOnlyList<MentionEdge> edges)
    {
        var byId = accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var kept = edges.Where(e => e.Weight > 0 && byId.ContainsKey(e.From) && byId.ContainsKey(e.To)).ToArray();
        var nodes = kept.SelectMany(e => new[] { e.From, e.To }).Distinct(StringComparer.Ordinal)
            .Select(id => (Account: byId[id],
                InDegree: kept.Count(e => e.To == id),
                OutDegree: kept.Count(e => e.From == id),
                WeightedIn: kept.Where(e => e.To == id).Sum(e => e.Weight),
                WeightedOut: kept.Where(e => e.From == id).Sum(e => e.Weight)))
            .OrderByDescending(n => n.InDegree).ThenByDescending(n => n.WeightedIn).ThenBy(n => n.Account.Id, StringComparer.Ordinal)
            .Select((n, i) => new NetworkNode(i + 1, n.Account.Id, n.Account.Platform, n.Account.Country, n.Account.Actor.ToString(), n.Account.Name,
                n.InDegree, n.OutDegree, n.WeightedIn, n.WeightedOut))
            .ToArray();
        return new MentionsReport(window.From, window.To, nodes, kept);
    }
}
