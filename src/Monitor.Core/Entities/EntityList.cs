using System.Collections;

namespace Monitor.Core.Entities;

/// <summary>
/// A read-only list of stored entities equal to any other with the same entities in the same order, so that
/// <see cref="Posts.StoredPost"/> keeps the value equality of a record (an array compares by reference).
/// </summary>
internal sealed class EntityList : IReadOnlyList<PostEntity>, IEquatable<EntityList>
{
    public static readonly EntityList Empty = new([]);

    private readonly PostEntity[] entities;

    public EntityList(PostEntity[] entities) => this.entities = entities;

    public int Count => entities.Length;

    public PostEntity this[int index] => entities[index];

    public bool Equals(EntityList? other) => other is not null && entities.AsSpan().SequenceEqual(other.entities);

    public override bool Equals(object? obj) => obj is EntityList other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var entity in entities)
        {
            hash.Add(entity);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<PostEntity> GetEnumerator() => ((IEnumerable<PostEntity>)entities).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
