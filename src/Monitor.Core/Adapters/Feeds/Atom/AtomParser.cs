using System.Xml;
using System.Xml.Linq;

namespace Monitor.Core.Adapters.Feeds.Atom;

/// <summary>Reads Atom 1.0 (RFC 4287), streaming: only one entry at a time is materialised.</summary>
internal static class AtomParser
{
    private static readonly XNamespace Atom = FeedXml.AtomNamespace;
    private static readonly XNamespace Xhtml = FeedXml.XhtmlNamespace;
    private static readonly XNamespace Media = FeedXml.MediaNamespace;

    public static ParsedFeed Parse(byte[] body, int maxEntries) => FeedXml.Parse(body, "Atom", reader => Read(reader, maxEntries));

    private static ParsedFeed Read(XmlReader reader, int maxEntries)
    {
        var entries = new List<FeedEntry>();
        string? feedAuthor = null;
        reader.MoveToContent();
        var feedLanguage = string.IsNullOrWhiteSpace(reader.XmlLang) ? null : reader.XmlLang;
        while (!reader.EOF && entries.Count < maxEntries)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == FeedXml.AtomNamespace && reader.Depth == 1)
            {
                if (reader.LocalName == "entry")
                {
                    // xml:lang is inherited (XML 1.0 §2.12); the reader knows the scope, the detached element does not.
                    var language = reader.XmlLang;
                    entries.Add(ReadEntry(FeedXml.ReadElement(reader), language, feedAuthor));
                    continue;
                }

                if (reader.LocalName == "author")
                {
                    feedAuthor = Names([FeedXml.ReadElement(reader)]);
                    continue;
                }
            }

            reader.Read();
        }

        return new ParsedFeed(FeedFormat.Atom, entries, feedLanguage);
    }

    private static FeedEntry ReadEntry(XElement entry, string? language, string? feedAuthor) => new()
    {
        Id = entry.ChildText(Atom + "id"),
        Link = AlternateLink(entry),
        Title = ReadText(entry.Element(Atom + "title")),
        // Out-of-line content (src="...") has no text here; the summary stands in for it.
        Content = entry.Element(Atom + "content") is { } content && content.Attribute("src") is null ? ReadText(content) : null,
        Summary = ReadText(entry.Element(Atom + "summary"))
            ?? FeedText.Plain(entry.Descendants(Media + "description").FirstOrDefault()?.Value),
        Published = entry.ChildText(Atom + "published"),
        Updated = entry.ChildText(Atom + "updated"),
        // RFC 4287 §4.2.1: an entry without author inherits its source's, then the feed's.
        Author = Authors(entry) ?? (entry.Element(Atom + "source") is { } source ? Authors(source) : null) ?? feedAuthor,
        Language = string.IsNullOrWhiteSpace(language) ? null : language.Trim(),
    };

    // RFC 4287 §4.2.7.2: a link without rel is an alternate; prefer an HTML one when several are given.
    private static string? AlternateLink(XElement entry)
    {
        var alternates = entry.Elements(Atom + "link")
            .Where(l => (string?)l.Attribute("rel") is null or "alternate" && !string.IsNullOrWhiteSpace((string?)l.Attribute("href")))
            .ToList();
        var html = alternates.FirstOrDefault(l => ((string?)l.Attribute("type"))?.Contains("html", StringComparison.OrdinalIgnoreCase) == true);
        return ((string?)(html ?? alternates.FirstOrDefault())?.Attribute("href"))?.Trim();
    }

    private static string? Authors(XElement parent) => Names(parent.Elements(Atom + "author"));

    private static string? Names(IEnumerable<XElement> authors)
    {
        var names = authors.Select(a => a.ChildText(Atom + "name")).OfType<string>().ToList();
        return names.Count == 0 ? null : string.Join(", ", names);
    }

    // RFC 4287 §3.1: text constructs are "text" (default), "html" (escaped markup) or "xhtml" (one inline div).
    private static FeedText? ReadText(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant();
        return type switch
        {
            "xhtml" => FeedText.Html(string.Concat(
                (element.Element(Xhtml + "div") ?? element).Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)))),
            "html" or "text/html" => FeedText.Html(element.Value),
            _ => FeedText.Plain(element.Value),
        };
    }
}
