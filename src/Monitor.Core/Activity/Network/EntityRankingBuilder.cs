using Monitor.Core.Accounts;

namespace Monitor.Core.Activity.Network;

/// <summary>The top N entities per group, from the per-account counts of enabled tracked accounts.</summary>
public static class EntityRankingBuilder
{
    public const string AllGroup = "all";

    public static IReadOnlyList<TopEntity> Build(IReadOnlyList<TrackedAccount> accounts, IEnumerable<EntityCount> counts, EntityGrouping per, int top)
    {
        var byId = accounts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        return counts.Where(c => byId.ContainsKey(c.AccountId))
            .GroupBy(c => per switch
            {
                EntityGrouping.Account => c.AccountId,
                EntityGrouping.Country => byId[c.AccountId].Country,
                _ => AllGroup,
            }, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(group => group.GroupBy(c => c.Value, StringComparer.Ordinal)
                .Select(v => (Value: v.Key, Posts: v.Sum(c => c.Posts), Accounts: v.Select(c => c.AccountId).Distinct(StringComparer.Ordinal).Count()))
                .OrderByDescending(v => v.Posts).ThenByDescending(v => v.Accounts).ThenBy(v => v.Value, StringComparer.Ordinal)
                .Take(top)
                .Select((v, i) => new TopEntity(group.Key, i + 1, v.Value, v.Posts, v.Accounts)))
            .ToArray();
    }
}
