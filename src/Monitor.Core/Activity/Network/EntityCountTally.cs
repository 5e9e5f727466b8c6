using System.Runtime.InteropServices;
using Monitor.Core.Entities;

namespace Monitor.Core.Activity.Network;

/// <summary>
/// Posts per (account, type, value, platform id), counted in one pass over a stream of rows, one per post and entity:
/// the <see cref="EntityCount"/>s of <see cref="IEntityQueries.QueryEntitiesAsync"/> without a sort. Each distinct
/// string is looked up as a span and becomes a string once.
/// </summary>
internal sealed class EntityCountTally
{
    private const int None = -1;
    private readonly Dictionary<string, int> strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> lookup;
    private readonly Dictionary<Key, long> counts = [];

    public EntityCountTally() => lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>One post of <paramref name="accountId"/> carrying the entity; <paramref name="hasPlatformId"/> false for none.</summary>
    public void Add(EntityType type, ReadOnlySpan<char> accountId, ReadOnlySpan<char> value, bool hasPlatformId, ReadOnlySpan<char> platformId)
    {
        var key = new Key(Intern(accountId), type, Intern(value), hasPlatformId ? Intern(platformId) : None);
        CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
    }

    public IReadOnlyList<EntityCount> ToCounts()
    {
        var names = new string[strings.Count];
        foreach (var (text, index) in strings)
        {
            names[index] = text;
        }

        return counts.Select(c => new EntityCount(names[c.Key.Account], c.Key.Type, names[c.Key.Value], c.Key.PlatformId == None ? null : names[c.Key.PlatformId], c.Value))
            .ToArray();
    }

    private int Intern(ReadOnlySpan<char> text)
    {
        if (!lookup.TryGetValue(text, out var index))
        {
            index = strings.Count;
            lookup[text] = index;
        }

        return index;
    }

    private readonly record struct Key(int Account, EntityType Type, int Value, int PlatformId);
}
