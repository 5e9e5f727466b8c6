using System.Globalization;
using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace Monitor.Core.Adapters.Feeds.Rss;

/// <summary>
/// Reads RSS 2.0 (items inside <c>channel</c>, no namespace) and RSS 1.0/RDF (items beside <c>channel</c>, in the
/// RSS 1.0 namespace), streaming: only one item at a time is materialised. Both share element names, so one
/// parser serves both, looking elements up in the item's own namespace.
/// </summary>
internal static class RssParser
{
    private static readonly XNamespace Dc = FeedXml.DublinCoreNamespace;
    private static readonly XNamespace Content = FeedXml.ContentNamespace;
    private static readonly XNamespace Atom = FeedXml.AtomNamespace;
    private static readonly XNamespace Rdf = FeedXml.RdfNamespace;
    private static readonly XNamespace Xml = XNamespace.Xml;
    private static readonly XNamespace Media = FeedXml.MediaNamespace;

    public static ParsedFeed Parse(byte[] body, FeedFormat format, int maxEntries) =>
        FeedXml.Parse(body, format == FeedFormat.Rdf ? "RSS 1.0/RDF" : "RSS", reader => Read(reader, format, maxEntries));

    private static ParsedFeed Read(XmlReader reader, FeedFormat format, int maxEntries)
    {
        var entries = new List<FeedEntry>();
        string? language = null;
        string? inheritedLanguage = null;
        TimeSpan? ttl = null;
        reader.MoveToContent();
        while (!reader.EOF && entries.Count < maxEntries)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "item":
                    entries.Add(ReadItem(FeedXml.ReadElement(reader)));
                    continue;
                case "channel":
                    inheritedLanguage = NullIfBlank(reader.XmlLang);
                    break;
                // Read before ??=: a short-circuited read would leave the reader in place and loop forever on a
                // second <language> or <ttl>.
                case "language" when reader.Depth == 2:
                    var languageText = NullIfBlank(reader.ReadElementContentAsString());
                    language ??= languageText;
                    continue;
                case "ttl" when reader.Depth == 2:
                    var ttlText = ParseTtl(reader.ReadElementContentAsString());
                    ttl ??= ttlText;
                    continue;
            }

            reader.Read();
        }

        return new ParsedFeed(format, entries, language ?? inheritedLanguage, ttl);
    }

    private static FeedEntry ReadItem(XElement item)
    {
        var ns = item.Name.Namespace;
        var guid = item.Element(ns + "guid");
        var guidText = guid?.Value.Trim() is { Length: > 0 } g ? g : null;
        var permalink = guid?.Attribute("isPermaLink")?.Value.Trim() is not "false" && IsWebUrl(guidText) ? guidText : null;
        var link = item.ChildText(ns + "link") ?? AlternateAtomLink(item) ?? permalink ?? (string?)item.Attribute(Rdf + "about");
        return new FeedEntry
        {
            Id = guidText ?? (string?)item.Attribute(Rdf + "about"),
            Link = link,
            Title = FeedText.Plain(WebUtility.HtmlDecode(item.ChildText(ns + "title") ?? item.Descendants(Media + "title").FirstOrDefault()?.Value)),
            Content = FeedText.Html(item.ChildText(Content + "encoded")),
            Summary = FeedText.Html(item.ChildText(ns + "description"))
                ?? FeedText.Plain(item.Descendants(Media + "description").FirstOrDefault()?.Value),
            Published = item.ChildText(ns + "pubDate") ?? item.ChildText(Dc + "date"),
            Updated = item.ChildText(Atom + "updated"),
            Author = item.ChildText(Dc + "creator") ?? AuthorName(item.ChildText(ns + "author")),
            Language = item.ChildText(Dc + "language") ?? NullIfBlank((string?)item.Attribute(Xml + "lang")),
        };
    }

    private static string? AlternateAtomLink(XElement item) =>
        item.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate")
            .Select(l => (string?)l.Attribute("href"))
            .FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));

    // RSS 2.0's author is "the email address of the author", conventionally "jane@example.org (Jane Doe)": keep the name.
    private static string? AuthorName(string? author)
    {
        var open = author?.IndexOf('(', StringComparison.Ordinal) ?? -1;
        return open > 0 && author![^1] == ')' && author.AsSpan(0, open).Contains('@') && author[(open + 1)..^1].Trim() is { Length: > 0 } name
            ? name
            : author;
    }

    // RSS 2.0: "ttl stands for time to live. It's a number of minutes that indicates how long a channel can be cached".
    private static TimeSpan? ParseTtl(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 7 * 24 * 60
            ? TimeSpan.FromMinutes(minutes)
            : null;

    private static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
