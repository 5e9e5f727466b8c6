namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// One item of a feed as its parser read it, before mapping to a <see cref="Posts.Post"/>: the common wire shape of
/// RSS items, Atom entries and JSON Feed items. Dates stay raw strings; the mapper decides what is usable.
/// </summary>
internal sealed record FeedEntry
{
    /// <summary>RSS <c>guid</c>, Atom <c>id</c>, JSON Feed <c>id</c>.</summary>
    public string? Id { get; init; }

    /// <summary>
    /// The entry's web page: RSS <c>link</c> (or a permalink guid), Atom alternate link, JSON Feed <c>url</c>; already
    /// resolved against the <c>xml:base</c> in scope when the parser knew one.
    /// </summary>
    public string? Link { get; init; }

    public FeedText? Title { get; init; }

    /// <summary>
    /// Full content: <c>content:encoded</c> (else <c>xhtml:body</c>, <c>body</c>, <c>fullitem</c>), Atom <c>content</c>
    /// (base64 decoded), JSON Feed <c>content_html</c>/<c>content_text</c>.
    /// </summary>
    public FeedText? Content { get; init; }

    /// <summary>
    /// Short form: RSS <c>description</c> (else <c>dc:description</c>, <c>itunes:summary</c>, <c>media:description</c>),
    /// Atom <c>summary</c>, JSON Feed <c>summary</c>.
    /// </summary>
    public FeedText? Summary { get; init; }

    /// <summary>RSS <c>pubDate</c>/<c>dc:date</c>, Atom <c>published</c> (0.3: <c>issued</c>, else <c>created</c>), JSON Feed <c>date_published</c>.</summary>
    public string? Published { get; init; }

    /// <summary>Atom <c>updated</c> (0.3: <c>modified</c>; also <c>atom:updated</c> in RSS), JSON Feed <c>date_modified</c>.</summary>
    public string? Updated { get; init; }

    public string? Author { get; init; }

    /// <summary>
    /// Media links in document order: RSS <c>enclosure</c>, Media RSS <c>media:content</c>/<c>media:thumbnail</c>
    /// (also inside <c>media:group</c>), Atom <c>link rel="enclosure"</c>, JSON Feed <c>image</c> and
    /// <c>attachments[].url</c>; resolved against the <c>xml:base</c> in scope when the parser knew one.
    /// </summary>
    public IReadOnlyList<string?> Media { get; init; } = [];

    /// <summary>The entry's own language; <see cref="ParsedFeed.Language"/> applies when null.</summary>
    public string? Language { get; init; }
}
