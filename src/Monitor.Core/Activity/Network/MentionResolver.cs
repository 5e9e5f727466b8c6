using System.Runtime.InteropServices;
using Monitor.Core.Accounts;
using Monitor.Core.Entities;

namespace Monitor.Core.Activity.Network;

/// <summary>
/// Resolves stored mentions and reposts to tracked accounts at report time, so an account added to the list later is
/// resolved in every stored post without a rewrite. A mention on platform P from account A is account B when B is on
/// P and the platform's id of it matches B's recorded stable id, or its handle matches B's handle
/// (<see cref="AccountHandleKey"/>); a Mastodon <c>@user</c> without an instance is a user of A's own instance.
/// Self-mentions are no edge; mentions of untracked accounts are left out.
/// </summary>
public static class MentionResolver
{
    public static IReadOnlyList<MentionEdge> Resolve(IReadOnlyList<TrackedHandle> accounts, IEnumerable<EntityCount> counts)
    {
        // Accounts are numbered in ordinal order of their ids, so ordering edges by (from, to) number orders them by id.
        var ordered = accounts.DistinctBy(a => a.Account.Id, StringComparer.Ordinal).OrderBy(a => a.Account.Id, StringComparer.Ordinal).ToArray();
        var byId = new Dictionary<string, int>(ordered.Length, StringComparer.Ordinal);
        var sources = new (string Platform, string? Instance)[ordered.Length];
        var byHandle = new Dictionary<(string, string), int>();
        var byExternalId = new Dictionary<(string, string), int>();
        for (var i = 0; i < ordered.Length; i++)
        {
            var tracked = ordered[i];
            var platform = Platforms.Normalize(tracked.Account.Platform);
            byId[tracked.Account.Id] = i;
            sources[i] = (platform, platform == Platforms.Mastodon ? Instance(tracked.Account) : null);
            byHandle.TryAdd((platform, AccountHandleKey.Normalize(platform, tracked.Account.Handle)), i);
            if (tracked.ExternalId is { Length: > 0 } external)
            {
                byExternalId.TryAdd((platform, external), i);
            }
        }

        // Keyed from × count + to: one long per edge, whose order is the (from, to) order.
        var edges = new Dictionary<long, (long Mentions, long Reposts)>();
        foreach (var count in counts)
        {
            if (count.Type is not (EntityType.Mention or EntityType.Repost) || !byId.TryGetValue(count.AccountId, out var from))
            {
                continue;
            }

            var (platform, host) = sources[from];
            var to = count.PlatformId is { } id && byExternalId.TryGetValue((platform, id), out var matched) ? matched
                : byHandle.TryGetValue((platform, count.Value), out matched) ? matched
                : host is not null && !count.Value.Contains('@') && byHandle.TryGetValue((platform, $"{count.Value}@{host}"), out matched) ? matched
                : -1;
            if (to < 0 || to == from)
            {
                continue;
            }

            ref var edge = ref CollectionsMarshal.GetValueRefOrAddDefault(edges, (long)from * ordered.Length + to, out _);
            edge = count.Type == EntityType.Mention ? (edge.Mentions + count.Posts, edge.Reposts) : (edge.Mentions, edge.Reposts + count.Posts);
        }

        var keys = edges.Keys.ToArray();
        Array.Sort(keys);
        return Array.ConvertAll(keys, key =>
        {
            var (mentions, reposts) = edges[key];
            return new MentionEdge(ordered[key / ordered.Length].Account.Id, ordered[key % ordered.Length].Account.Id, mentions, reposts);
        });
    }

    private static string? Instance(TrackedAccount account)
    {
        var key = AccountHandleKey.Normalize(Platforms.Mastodon, account.Handle);
        var at = key.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? key[(at + 1)..] : null;
    }
}
