using Monitor.Core.Accounts;
using Monitor.Core.Entities;
using Monitor.Core.Storage;

namespace Monitor.Core.Activity.Network;

/// <summary>The stored entities of posts published in a window, counted per account: what the entity reports and the mentions network read.</summary>
public interface IEntityQueries
{
    /// <summary>Posts of each account in the window carrying each entity of the given types (deleted posts included, as in every report).</summary>
    Task<IReadOnlyList<EntityCount>> QueryEntitiesAsync(ActivityWindow window, IReadOnlyCollection<EntityType> types, CancellationToken cancellationToken);

    /// <summary>
    /// Posts and distinct accounts per group and entity of one type, over the posts of <paramref name="enabled"/> (the
    /// store's enabled accounts). By default the per-account counts added up in .NET; a store may count its rows in one
    /// pass instead where that is cheaper (SQLite: no row per account and tag in between).
    /// </summary>
    async Task<IReadOnlyList<EntityTotal>> QueryEntityTotalsAsync(
        ActivityWindow window, EntityType type, EntityGrouping per, IReadOnlyList<TrackedAccount> enabled, CancellationToken cancellationToken) =>
        EntityRankingBuilder.Totals(enabled, await QueryEntitiesAsync(window, [type], cancellationToken), per);

    /// <summary>
    /// The store's enabled accounts as mentions resolve to them (with the platform's stable id of each), in ordinal id
    /// order. By default listed through <paramref name="accounts"/>; a store that holds the accounts itself may read
    /// only these columns (SQLite: cheaper than the full list, a fixed cost of every entity report).
    /// </summary>
    async Task<IReadOnlyList<TrackedHandle>> ListTrackedAsync(IAccountStore accounts, CancellationToken cancellationToken) =>
        (await accounts.ListAccountsAsync(cancellationToken))
            .Where(r => r.Account.Enabled)
            .OrderBy(r => r.Account.Id, StringComparer.Ordinal)
            .Select(r => new TrackedHandle(r.Account, r.State.Cursor.ExternalId))
            .ToArray();

    /// <summary>
    /// The window's mentions and reposts resolved to edges among <paramref name="tracked"/> (<see cref="MentionResolver"/>).
    /// By default the per-account counts resolved in .NET; SQLite feeds its rows to the resolver as it reads them, each
    /// distinct mention resolved once.
    /// </summary>
    async Task<IReadOnlyList<MentionEdge>> QueryMentionEdgesAsync(ActivityWindow window, IReadOnlyList<TrackedHandle> tracked, CancellationToken cancellationToken) =>
        MentionResolver.Resolve(tracked, await QueryEntitiesAsync(window, [EntityType.Mention, EntityType.Repost], cancellationToken));

    /// <summary>
    /// <see cref="QueryEntityTotalsAsync(ActivityWindow, EntityType, EntityGrouping, IReadOnlyList{TrackedAccount}, CancellationToken)"/>
    /// over the store's enabled accounts, which by default come from <see cref="ListTrackedAsync"/>; SQLite reads the
    /// accounts' ids and countries in the same read as the entities.
    /// </summary>
    async Task<IReadOnlyList<EntityTotal>> QueryEnabledEntityTotalsAsync(
        ActivityWindow window, EntityType type, EntityGrouping per, IAccountStore accounts, CancellationToken cancellationToken) =>
        await QueryEntityTotalsAsync(window, type, per, (await ListTrackedAsync(accounts, cancellationToken)).Select(t => t.Account).ToArray(), cancellationToken);
}

/// <summary><paramref name="Posts"/> of <paramref name="AccountId"/> in the window carry the entity (<paramref name="PlatformId"/>: the platform's id of a mentioned account, when known).</summary>
public sealed record EntityCount(string AccountId, EntityType Type, string Value, string? PlatformId, long Posts);
