namespace Monitor.Core.Adapters.Feeds;

/// <summary>What a format parser read from one feed document.</summary>
/// <param name="Format">The detected format.</param>
/// <param name="Entries">Entries in document order, at most <see cref="FeedOptions.MaxEntries"/>.</param>
/// <param name="Language">The feed's language (RSS <c>language</c>/<c>dc:language</c>, root <c>xml:lang</c>, JSON Feed <c>language</c>), for entries without their own.</param>
/// <param name="Ttl">RSS <c>ttl</c>: how long the channel may be cached.</param>
internal sealed record ParsedFeed(FeedFormat Format, IReadOnlyList<FeedEntry> Entries, string? Language = null, TimeSpan? Ttl = null);
