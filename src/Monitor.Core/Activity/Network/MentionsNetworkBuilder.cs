using System.Runtime.InteropServices;
using Monitor.Core.Accounts;

namespace Monitor.Core.Activity.Network;

/// <summary>Degrees and the "best connected" ranking of a resolved mentions network: pure arithmetic over the edges.</summary>
public static class MentionsNetworkBuilder
{
    public static MentionsReport Build(ActivityWindow window, IReadOnlyList<TrackedAccount> accounts, IReadOnlyList<MentionEdge> edges)
    {
        var byId = accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var kept = edges.Where(e => e.Weight > 0 && byId.ContainsKey(e.From) && byId.ContainsKey(e.To)).ToArray();
        var degrees = new Dictionary<string, (int In, int Out, long WeightedIn, long WeightedOut)>(StringComparer.Ordinal);
        foreach (var edge in kept)
        {
            ref var from = ref CollectionsMarshal.GetValueRefOrAddDefault(degrees, edge.From, out _);
            from = (from.In, from.Out + 1, from.WeightedIn, from.WeightedOut + edge.Weight);
            ref var to = ref CollectionsMarshal.GetValueRefOrAddDefault(degrees, edge.To, out _);
            to = (to.In + 1, to.Out, to.WeightedIn + edge.Weight, to.WeightedOut);
        }

        var nodes = degrees
            .OrderByDescending(n => n.Value.In).ThenByDescending(n => n.Value.WeightedIn).ThenBy(n => n.Key, StringComparer.Ordinal)
            .Select((n, i) => (Rank: i + 1, Account: byId[n.Key], Degree: n.Value))
            .Select(n => new NetworkNode(n.Rank, n.Account.Id, n.Account.Platform, n.Account.Country, n.Account.Actor.ToString(), n.Account.Name,
                n.Degree.In, n.Degree.Out, n.Degree.WeightedIn, n.Degree.WeightedOut))
            .ToArray();
        return new MentionsReport(window.From, window.To, nodes, kept);
    }
}
