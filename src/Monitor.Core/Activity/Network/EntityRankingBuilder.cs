using Monitor.Core.Accounts;

namespace Monitor.Core.Activity.Network;

/// <summary>The top N entities per group, from the per-account counts of enabled tracked accounts.</summary>
public static class EntityRankingBuilder
{
    public const string AllGroup = "all";

    public static IReadOnlyList<TopEntity> Build(IReadOnlyList<TrackedAccount> accounts, IEnumerable<EntityCount> counts, EntityGrouping per, int top) =>
        Rank(Totals(accounts, counts, per), top);

    /// <summary>Posts and distinct accounts per group and entity, over the counts of <paramref name="accounts"/> only.</summary>
    public static IReadOnlyList<EntityTotal> Totals(IReadOnlyList<TrackedAccount> accounts, IEnumerable<EntityCount> counts, EntityGrouping per)
    {
        var byId = accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return counts.Where(c => byId.ContainsKey(c.AccountId))
            .GroupBy(c => (Group: per switch
            {
                EntityGrouping.Account => c.AccountId,
                EntityGrouping.Country => byId[c.AccountId].Country,
                _ => AllGroup,
            }, c.Value))
            .Select(v => new EntityTotal(v.Key.Group, v.Key.Value, v.Sum(c => c.Posts), v.Select(c => c.AccountId).Distinct(StringComparer.Ordinal).Count()))
            .ToArray();
    }

    /// <summary>Groups in ordinal order; in each, the most posts first, then the most accounts, then the value; the first <paramref name="top"/>.</summary>
    public static IReadOnlyList<TopEntity> Rank(IEnumerable<EntityTotal> totals, int top) =>
        totals.GroupBy(t => t.Group, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(group => group
                .OrderByDescending(v => v.Posts).ThenByDescending(v => v.Accounts).ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(top)
                .Select((v, i) => new TopEntity(group.Key, i + 1, v.Value, v.Posts, v.Accounts)))
            .ToArray();
}
