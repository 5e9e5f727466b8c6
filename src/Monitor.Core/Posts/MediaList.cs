using System.Collections;

namespace Monitor.Core.Posts;

/// <summary>
/// A read-only list of media links equal to any other with the same links in the same order, so that
/// <see cref="Post"/> keeps the value equality of a record (an array compares by reference).
/// </summary>
internal sealed class MediaList : IReadOnlyList<string>, IEquatable<MediaList>
{
    public static readonly MediaList Empty = new([]);

    private readonly string[] links;

    private MediaList(string[] links) => this.links = links;

    public int Count => links.Length;

    public string this[int index] => links[index];

    public static IReadOnlyList<string> Of(IReadOnlyList<string>? links) => links switch
    {
        null or { Count: 0 } => Empty,
        MediaList list => list,
        _ => new MediaList([.. links]),
    };

    public bool Equals(MediaList? other) => other is not null && links.AsSpan().SequenceEqual(other.links);

    public override bool Equals(object? obj) => obj is MediaList other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var link in links)
        {
            hash.Add(link, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)links).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
