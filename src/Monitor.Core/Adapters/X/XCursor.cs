using System.Text.Json;

namespace Monitor.Core.Adapters.X;

/// <summary>
/// The X adapter's state in <see cref="PollCursor.Position"/>, as a small JSON object: the newest post id read (the next
/// <c>since_id</c>), the ranges a burst left unread (closed on later polls, never skipped), when the profile counts were
/// last read and the username they named, and the deletion lookups spent on the current UTC day. A plain id (the older
/// format) is read as Newest.
/// </summary>
internal sealed record XCursor(
    string? Newest = null,
    IReadOnlyList<XGap>? Gaps = null,
    DateTimeOffset? ProfileAt = null,
    string? Username = null,
    DateOnly? LookupDay = null,
    int Lookups = 0)
{
    public static XCursor Parse(string? position)
    {
        if (string.IsNullOrWhiteSpace(position)) return new XCursor();
        if (!position.StartsWith('{')) return new XCursor(Newest: position);
        try
        {
            return JsonSerializer.Deserialize(position, XJsonContext.Default.XCursor) ?? new XCursor();
        }
        catch (JsonException)
        {
            // A damaged cursor must not stop polling: reading from scratch stops at the first stored post.
            return new XCursor();
        }
    }

    public string Format() => JsonSerializer.Serialize(this, XJsonContext.Default.XCursor);

    /// <summary>Deletion lookups still allowed today.</summary>
    public int LookupsLeft(DateOnly today, int perDay) => Math.Max(0, perDay - (LookupDay == today ? Lookups : 0));

    /// <summary>The cursor after spending <paramref name="count"/> lookups today.</summary>
    public XCursor SpendLookups(DateOnly today, int count) =>
        this with { LookupDay = today, Lookups = (LookupDay == today ? Lookups : 0) + count };
}

/// <summary>Posts with <c>Since &lt; id &lt; Until</c> not yet read (X's <c>since_id</c>/<c>until_id</c> are exclusive).</summary>
internal sealed record XGap(string Since, string Until);
