using System.Runtime.InteropServices;
using Monitor.Core.Accounts;
using Monitor.Core.Entities;

namespace Monitor.Core.Activity.Network;

/// <summary>
/// The mentions network's edges, added up from mentions and reposts as they come (<see cref="MentionResolver"/>'s rule,
/// which lives here): tracked accounts are numbered in ordinal id order, so an edge is one long (from × count + to)
/// whose order is the (from, to) order. A streamed mention without a platform id is resolved once per distinct
/// (source platform and instance, value), not once per post.
/// </summary>
internal sealed class MentionEdgeTally
{
    private readonly TrackedHandle[] ordered;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> byId;
    private readonly (string Platform, string? Instance)[] sources;
    private readonly int[] sourceGroup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] resolved;
    private readonly Dictionary<(string, string), int> byHandle = [];
    private readonly Dictionary<(string, string), int> byExternalId = [];
    private readonly Dictionary<long, (long Mentions, long Reposts)> edges = [];

    public MentionEdgeTally(IReadOnlyList<TrackedHandle> accounts)
    {
        ordered = accounts.DistinctBy(a => a.Account.Id, StringComparer.Ordinal).OrderBy(a => a.Account.Id, StringComparer.Ordinal).ToArray();
        var ids = new Dictionary<string, int>(ordered.Length, StringComparer.Ordinal);
        var groups = new Dictionary<(string, string?), int>();
        sources = new (string, string?)[ordered.Length];
        sourceGroup = new int[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var tracked = ordered[i];
            var platform = Platforms.Normalize(tracked.Account.Platform);
            ids[tracked.Account.Id] = i;
            sources[i] = (platform, platform == Platforms.Mastodon ? Instance(tracked.Account) : null);
            sourceGroup[i] = groups.TryGetValue(sources[i], out var group) ? group : groups[sources[i]] = groups.Count;
            byHandle.TryAdd((platform, AccountHandleKey.Normalize(platform, tracked.Account.Handle)), i);
            if (tracked.ExternalId is { Length: > 0 } external)
            {
                byExternalId.TryAdd((platform, external), i);
            }
        }

        byId = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        resolved = Enumerable.Range(0, groups.Count).Select(_ => new Dictionary<string, int>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>()).ToArray();
    }

    /// <summary>The number of a tracked account, or false for any other account (its posts make no edge).</summary>
    public bool TryGetSource(ReadOnlySpan<char> accountId, out int from) => byId.TryGetValue(accountId, out from);

    /// <summary>The tracked account a mention of <paramref name="value"/> from <paramref name="from"/> is, or -1.</summary>
    public int Target(int from, string value, string? platformId)
    {
        var (platform, host) = sources[from];
        return platformId is not null && byExternalId.TryGetValue((platform, platformId), out var matched) ? matched
            : byHandle.TryGetValue((platform, value), out matched) ? matched
            : host is not null && !value.Contains('@') && byHandle.TryGetValue((platform, $"{value}@{host}"), out matched) ? matched
            : -1;
    }

    /// <summary><see cref="Target(int, string, string?)"/> of a mention without a platform id, remembered per source platform and instance.</summary>
    public int Target(int from, ReadOnlySpan<char> value)
    {
        var cache = resolved[sourceGroup[from]];
        if (!cache.TryGetValue(value, out var to))
        {
            to = Target(from, value.ToString(), null);
            cache[value] = to;
        }

        return to;
    }

    /// <summary>Adds <paramref name="posts"/> of <paramref name="type"/> from → to; no edge to nobody (-1) or to itself.</summary>
    public void Add(int from, int to, EntityType type, long posts)
    {
        if (to < 0 || to == from || type is not (EntityType.Mention or EntityType.Repost))
        {
            return;
        }

        ref var edge = ref CollectionsMarshal.GetValueRefOrAddDefault(edges, (long)from * ordered.Length + to, out _);
        edge = type == EntityType.Mention ? (edge.Mentions + posts, edge.Reposts) : (edge.Mentions, edge.Reposts + posts);
    }

    /// <summary>The edges by (from, to) in ordinal id order.</summary>
    public IReadOnlyList<MentionEdge> ToEdges()
    {
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
