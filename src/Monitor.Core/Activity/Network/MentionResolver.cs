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
        var byId = accounts.ToDictionary(a => a.Account.Id, StringComparer.Ordinal);
        var byHandle = new Dictionary<(string, string), string>();
        var byExternalId = new Dictionary<(string, string), string>();
        foreach (var tracked in accounts.OrderBy(a => a.Account.Id, StringComparer.Ordinal))
        {
            var platform = Platforms.Normalize(tracked.Account.Platform);
            byHandle.TryAdd((platform, AccountHandleKey.Normalize(platform, tracked.Account.Handle)), tracked.Account.Id);
            if (tracked.ExternalId is { Length: > 0 } external)
            {
                byExternalId.TryAdd((platform, external), tracked.Account.Id);
            }
        }

        var edges = new Dictionary<(string From, string To), (long Mentions, long Reposts)>();
        foreach (var count in counts.Where(c => c.Type is EntityType.Mention or EntityType.Repost))
        {
            if (!byId.TryGetValue(count.AccountId, out var from))
            {
                continue;
            }

            var platform = Platforms.Normalize(from.Account.Platform);
            var to = count.PlatformId is { } id && byExternalId.TryGetValue((platform, id), out var matched) ? matched
                : byHandle.TryGetValue((platform, count.Value), out matched) ? matched
                : platform == Platforms.Mastodon && !count.Value.Contains('@') && Instance(from.Account) is { } host
                    && byHandle.TryGetValue((platform, $"{count.Value}@{host}"), out matched) ? matched
                : null;
            if (to is null || to == from.Account.Id)
            {
                continue;
            }

            var edge = edges.GetValueOrDefault((from.Account.Id, to));
            edges[(from.Account.Id, to)] = count.Type == EntityType.Mention
                ? (edge.Mentions + count.Posts, edge.Reposts)
                : (edge.Mentions, edge.Reposts + count.Posts);
        }

        return edges.Select(e => new MentionEdge(e.Key.From, e.Key.To, e.Value.Mentions, e.Value.Reposts))
            .OrderBy(e => e.From, StringComparer.Ordinal).ThenBy(e => e.To, StringComparer.Ordinal)
            .ToArray();
    }

    private static string? Instance(TrackedAccount account)
    {
        var key = AccountHandleKey.Normalize(Platforms.Mastodon, account.Handle);
        var at = key.IndexOf('@', StringComparison.Ordinal);
        return at > 0 ? key[(at + 1)..] : null;
    }
}
