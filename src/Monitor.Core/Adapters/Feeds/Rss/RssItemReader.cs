using System.Net;
using System.Xml.Linq;

namespace Monitor.Core.Adapters.Feeds.Rss;

/// <summary>
/// One RSS item into the common entry shape, with the carriers old and odd feeds use when the standard element is
/// missing: <c>xhtml:body</c>, <c>body</c> and <c>fullitem</c> for content; <c>dc:title</c> for the title;
/// <c>dc:description</c>, <c>itunes:summary</c> and <c>media:description</c> for the summary. Media links come
/// from <c>enclosure</c> (RSS 2.0) and Media RSS <c>media:content</c>/<c>media:thumbnail</c>, in document order.
/// </summary>
internal static class RssItemReader
{
    private static readonly XNamespace Dc = FeedXml.DublinCoreNamespace;
    private static readonly XNamespace Content = FeedXml.ContentNamespace;
    private static readonly XNamespace Atom = FeedXml.AtomNamespace;
    private static readonly XNamespace Rdf = FeedXml.RdfNamespace;
    private static readonly XNamespace Xml = XNamespace.Xml;
    private static readonly XNamespace Media = FeedXml.MediaNamespace;
    private static readonly XNamespace Xhtml = FeedXml.XhtmlNamespace;
    private static readonly XNamespace ITunes = FeedXml.ITunesNamespace;

    /// <param name="item">The item element, detached from its document.</param>
    /// <param name="parentBase">The <c>xml:base</c> in scope where the item sits (channel, root, document URL).</param>
    public static FeedEntry Read(XElement item, Uri? parentBase)
    {
        var ns = item.Name.Namespace;
        var itemBase = XmlBase.Resolve(parentBase, (string?)item.Attribute(Xml + "base"));
        var guid = item.Element(ns + "guid");
        var guidText = guid?.Value.Trim() is { Length: > 0 } g ? g : null;
        var permalink = guid?.Attribute("isPermaLink")?.Value.Trim() is not "false" && IsWebUrl(guidText) ? guidText : null;
        var link = Link(item.Element(ns + "link"), itemBase) ?? AlternateAtomLink(item, itemBase) ?? permalink
            ?? XmlBase.ResolveLink(itemBase, (string?)item.Attribute(Rdf + "about"));
        return new FeedEntry
        {
            Id = guidText ?? (string?)item.Attribute(Rdf + "about"),
            Link = link,
            Title = FeedText.Plain(WebUtility.HtmlDecode(
                item.ChildText(ns + "title") ?? item.ChildText(Dc + "title") ?? item.Descendants(Media + "title").FirstOrDefault()?.Value)),
            Content = FeedText.Html(item.ChildText(Content + "encoded"))
                ?? Markup(item.Element(Xhtml + "body"))
                ?? Markup(item.Element(ns + "body"))
                ?? FeedText.Html(item.ChildText(ns + "fullitem")),
            Summary = FeedText.Html(item.ChildText(ns + "description"))
                ?? FeedText.Html(item.ChildText(Dc + "description"))
                ?? FeedText.Plain(item.ChildText(ITunes + "summary"))
                ?? FeedText.Plain(item.Descendants(Media + "description").FirstOrDefault()?.Value),
            Published = item.ChildText(ns + "pubDate") ?? item.ChildText(Dc + "date"),
            Updated = item.ChildText(Atom + "updated"),
            Author = item.ChildText(Dc + "creator") ?? AuthorName(item.ChildText(ns + "author")),
            Language = item.ChildText(Dc + "language") ?? NullIfBlank((string?)item.Attribute(Xml + "lang")),
            Media = MediaLinks(item, ns, itemBase),
        };
    }

    // https://www.rssboard.org/rss-specification#ltenclosuregtSubelementOfLtitemgt and
    // https://www.rssboard.org/media-rss#media-content: the URL is the url attribute; media:group nests them.
    private static string?[] MediaLinks(XElement item, XNamespace ns, Uri? itemBase) =>
        item.Descendants()
            .Where(e => e.Name == ns + "enclosure" || e.Name == Media + "content" || e.Name == Media + "thumbnail")
            .Select(e => XmlBase.ResolveLink(XmlBase.Resolve(itemBase, (string?)e.Attribute(Xml + "base")), (string?)e.Attribute("url")))
            .ToArray();

    private static string? Link(XElement? link, Uri? itemBase) =>
        link?.Value.Trim() is { Length: > 0 } href
            ? XmlBase.ResolveLink(XmlBase.Resolve(itemBase, (string?)link.Attribute(Xml + "base")), href)
            : null;

    private static string? AlternateAtomLink(XElement item, Uri? itemBase) =>
        item.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate" && !string.IsNullOrWhiteSpace((string?)l.Attribute("href")))
            .Select(l => XmlBase.ResolveLink(XmlBase.Resolve(itemBase, (string?)l.Attribute(Xml + "base")), (string?)l.Attribute("href")))
            .FirstOrDefault();

    // An XHTML body is inline markup; a body without child elements holds escaped HTML.
    private static FeedText? Markup(XElement? body) => body switch
    {
        null => null,
        _ when body.HasElements => FeedText.Html(string.Concat(body.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))),
        _ => FeedText.Html(body.Value),
    };

    // RSS 2.0's author is "the email address of the author", conventionally "jane@example.org (Jane Doe)": keep the name.
    private static string? AuthorName(string? author)
    {
        var open = author?.IndexOf('(', StringComparison.Ordinal) ?? -1;
        return open > 0 && author![^1] == ')' && author.AsSpan(0, open).Contains('@') && author[(open + 1)..^1].Trim() is { Length: > 0 } name
            ? name
            : author;
    }

    private static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
