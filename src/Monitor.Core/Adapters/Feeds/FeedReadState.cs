namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// What an XML feed parser has read so far. Filled as the document streams by, so that a truncated document still
/// yields the entries that were complete before the break.
/// </summary>
internal sealed class FeedReadState
{
    /// <summary>The format, once the root element has told it.</summary>
    public FeedFormat? Format { get; set; }

    public List<FeedEntry> Entries { get; } = [];

    public string? Language { get; set; }

    public TimeSpan? Ttl { get; set; }

    public ParsedFeed ToFeed(string? notes) => new(Format ?? FeedFormat.Rss, Entries, Language, Ttl) { Notes = notes };
}
