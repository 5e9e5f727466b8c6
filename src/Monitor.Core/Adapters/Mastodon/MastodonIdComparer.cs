namespace Monitor.Core.Adapters.Mastodon;

/// <summary>
/// Orders Mastodon ids. They are strings of digits (Snowflake-like 64-bit numbers, docs: "cast to string"), so a
/// longer id is newer and equal lengths compare character by character; no parsing, so no overflow.
/// </summary>
internal sealed class MastodonIdComparer : IComparer<string?>
{
    public static MastodonIdComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var byLength = x.Length.CompareTo(y.Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }

    /// <summary>The newest of the ids, or null when there are none.</summary>
    public static string? Newest(IEnumerable<string?> ids) => ids.Where(id => id is not null).Max(Instance);

    /// <summary>The oldest of the ids, or null when there are none.</summary>
    public static string? Oldest(IEnumerable<string?> ids) => ids.Where(id => id is not null).Min(Instance);
}
