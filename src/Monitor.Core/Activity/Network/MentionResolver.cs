using Monitor.Core.Accounts;
using Monitor.Core.Entities;

namespace Monitor.Core.Activity.Network;

/// <summary>
/// Resolves stored mentions and reposts to tracked accounts at report time, so an account added to the list later is
/// resolved in every stored post without a rewrite. A mention on platform P from account A is account B when B is on
/// P and the platform's id of it matches B's recorded stable id, or its handle matches B's handle
/// (<see cref="AccountHandleKey"/>); a Mastodon <c>@user</c> without an instance is a user of A's own instance.
/// Self-mentions are no edge; mentions of untracked accounts are left out. The rule is
/// <see cref="MentionEdgeTally.Target(int, string, string?)"/>, which a store may also feed row by row.
/// </summary>
public static class MentionResolver
{
    public static IReadOnlyList<MentionEdge> Resolve(IReadOnlyList<TrackedHandle> accounts, IEnumerable<EntityCount> counts)
    {
        var tally = new MentionEdgeTally(accounts);
        foreach (var count in counts)
        {
            if (count.Type is EntityType.Mention or EntityType.Repost && tally.TryGetSource(count.AccountId, out var from))
            {
                tally.Add(from, tally.Target(from, count.Value, count.PlatformId), count.Type, count.Posts);
            }
        }

        return tally.ToEdges();
    }
}
