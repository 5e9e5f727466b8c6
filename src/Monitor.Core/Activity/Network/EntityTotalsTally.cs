using System.Runtime.InteropServices;

namespace Monitor.Core.Activity.Network;

/// <summary>
/// Posts and distinct accounts per group and entity, counted in one pass over a stream of (account, entity) rows, one
/// per post and entity: the figures <see cref="EntityRankingBuilder.Totals"/> adds up from per-account counts, without
/// a sort and without a string per row (each account and value is looked up as a span; a value becomes a string once).
/// Rows of accounts not in the list (disabled or unknown) are left out.
/// </summary>
internal sealed class EntityTotalsTally
{
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> accounts;
    private readonly int[] groupOf;
    private readonly string[] groups;
    private readonly Dictionary<string, int> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> valueLookup;
    private readonly Dictionary<long, (long Posts, int Accounts)> totals = [];
    private readonly HashSet<long> seen = [];

    public EntityTotalsTally(IReadOnlyCollection<(string Id, string Country)> enabled, EntityGrouping per)
    {
        var byId = new Dictionary<string, int>(enabled.Count, StringComparer.Ordinal);
        var groupIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        groupOf = new int[enabled.Count];
        foreach (var (id, country) in enabled)
        {
            if (!byId.TryAdd(id, byId.Count))
            {
                continue;
            }

            var group = per switch
            {
                EntityGrouping.Account => id,
                EntityGrouping.Country => country,
                _ => EntityRankingBuilder.AllGroup,
            };
            groupOf[byId.Count - 1] = groupIndex.TryGetValue(group, out var index) ? index : groupIndex[group] = groupIndex.Count;
        }

        groups = new string[groupIndex.Count];
        foreach (var (group, index) in groupIndex)
        {
            groups[index] = group;
        }

        accounts = byId.GetAlternateLookup<ReadOnlySpan<char>>();
        valueLookup = values.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>One post of <paramref name="accountId"/> carrying <paramref name="value"/>.</summary>
    public void Add(ReadOnlySpan<char> accountId, ReadOnlySpan<char> value)
    {
        if (!accounts.TryGetValue(accountId, out var account))
        {
            return;
        }

        if (!valueLookup.TryGetValue(value, out var valueIndex))
        {
            valueIndex = values.Count;
            valueLookup[value] = valueIndex;
        }

        // The group is a function of the account, so (value, account) identifies the account within its group's entity.
        // Keys are value × count + index, not value << 32 | index: a long's hash code XORs its halves, which for small
        // indexes on both sides would put most keys in a few thousand buckets.
        var firstOfAccount = seen.Add((long)valueIndex * groupOf.Length + account);
        ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(totals, (long)valueIndex * groups.Length + groupOf[account], out _);
        total = (total.Posts + 1, total.Accounts + (firstOfAccount ? 1 : 0));
    }

    public List<EntityTotal> ToTotals()
    {
        var names = new string[values.Count];
        foreach (var (value, index) in values)
        {
            names[index] = value;
        }

        return totals.Select(t => new EntityTotal(groups[(int)(t.Key % groups.Length)], names[(int)(t.Key / groups.Length)], t.Value.Posts, t.Value.Accounts)).ToList();
    }
}
