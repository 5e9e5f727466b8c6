using System.Xml;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// Tells the format from the body itself, never the Content-Type (servers label feeds <c>text/html</c> or
/// <c>application/octet-stream</c> all the time): the first character, then the XML root element. Atom 0.3
/// (<c>http://purl.org/atom/ns#</c>) counts as Atom.
/// </summary>
internal static class FeedFormatDetector
{
    /// <summary>Detects the format, or throws <see cref="PayloadFormatException"/> when the body is not a feed.</summary>
    public static FeedFormat DetectFeedFormat(byte[] body)
    {
        var start = FirstSignificantChar(body);
        switch (start)
        {
            case null:
                throw new PayloadFormatException("Not a feed: the body is empty.");
            case '{':
                return FeedFormat.Json;
            case not '<':
                throw new PayloadFormatException($"Not a feed: the body starts with '{start}', neither XML nor JSON.");
        }

        string root;
        string ns;
        using (var reader = FeedXml.CreateReader(body))
        {
            try
            {
                reader.MoveToContent();
                (root, ns) = (reader.LocalName, reader.NamespaceURI);
            }
            catch (XmlException ex)
            {
                throw XmlProlog.LooksLikeHtml(body) ? NotAFeed("an HTML page") : FeedXml.Malformed("XML", ex, body);
            }
        }

        return (root, ns) switch
        {
            ("rss", _) => FeedFormat.Rss,
            ("RDF", FeedXml.RdfNamespace) => FeedFormat.Rdf,
            ("feed", FeedXml.AtomNamespace or FeedXml.Atom03Namespace) => FeedFormat.Atom,
            ("html", _) => throw NotAFeed("an HTML page"),
            _ => throw NotAFeed($"an XML document with root element <{root}>"),
        };
    }

    private static PayloadFormatException NotAFeed(string what) =>
        new($"Not a feed: the body is {what}, not RSS, Atom or JSON Feed.");

    private static char? FirstSignificantChar(byte[] body)
    {
        using var reader = new StreamReader(new MemoryStream(body, 0, Math.Min(body.Length, 4096)), detectEncodingFromByteOrderMarks: true);
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (!char.IsWhiteSpace((char)c) && c != '\uFEFF')
            {
                return (char)c;
            }
        }

        return null;
    }
}
