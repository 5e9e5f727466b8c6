namespace Monitor.Core.Adapters.YouTube;

/// <summary>A channel feed as fetched: its entries (none when <see cref="NotModified"/>) and the updated validators.</summary>
internal sealed record YouTubeFeed(IReadOnlyList<YouTubeFeedEntry> Entries, bool NotModified, PollCursor Cursor, TimeSpan? CacheHint);
