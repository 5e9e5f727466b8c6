namespace Monitor.Core.Entities;

/// <summary>A post's stored entities as readers hand them out: one order for both stores, and one list per type for exports.</summary>
public static class StoredEntities
{
    /// <summary>By type (hashtag, mention, link, repost), then value in ordinal order; a list with value equality.</summary>
    public static IReadOnlyList<PostEntity> Order(IEnumerable<PostEntity>? entities) => entities switch
    {
        null => EntityList.Empty,
        EntityList list => list,
        _ => new EntityList([.. entities.OrderBy(e => e.Type).ThenBy(e => e.Value, StringComparer.Ordinal)]),
    };

    /// <summary>The stored values of one type, in <see cref="Order"/>.</summary>
    public static IReadOnlyList<string> Values(IReadOnlyList<PostEntity> entities, EntityType type) =>
        entities.Where(e => e.Type == type).Select(e => e.Value).ToArray();
}
