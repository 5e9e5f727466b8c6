namespace Monitor.Core.Adapters.Feeds;

/// <summary>What a format parser read from one feed document.</summary>
/// <param name="Format">The detected format.</param>
/// <param name="Entries">Entries in document order, at most <see cref="FeedOptions.MaxEntries"/>.</param>
/// <param name="Language">The feed's language (RSS <c>language</c>/<c>dc:language</c>, root <c>xml:lang</c>, JSON Feed <c>language</c>), for entries without their own.</param>
/// <param name="Ttl">RSS <c>ttl</c>: how long the channel may be cached.</param>
internal sealed record ParsedFeed(FeedFormat Format, IReadOnlyList<FeedEntry> Entries, string? Language = null, TimeSpan? Ttl = null)
{
    /// <summary>
    /// What was repaired or cut to read the document (<c>repaired: 3 bare ampersands</c>,
    /// <c>truncated: …</c>); null when it was read exactly as sent. Non-null means the body is not what the
    /// validators (ETag/Last-Modified) vouch for.
    /// </summary>
    public string? Notes { get; init; }
}
