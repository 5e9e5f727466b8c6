namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// What an XML feed parser has read so far. Filled as the document streams by, so that a truncated document still
/// yields the entries that were complete before the break.
/// </summary>
internal sealed class FeedReadState
{
    public List<FeedEntry> Entries { get; } = [];

    public string? Language { get; set; }

    public TimeSpan? Ttl { get; set; }

    public ParsedFeed ToFeed(FeedFormat format, string? notes) => new(format, Entries, Language, Ttl) { Notes = notes };
}
