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
        if (IsJson(body))
        {
            return FeedFormat.Json;
        }

        using var reader = FeedXml.CreateReader(body);
        try
        {
            reader.MoveToContent();
            return FromRoot(reader.LocalName, reader.NamespaceURI);
        }
        catch (XmlException ex)
        {
            throw NotXml(body, ex);
        }
    }

    /// <summary>True for JSON, false for XML (whose root then decides); throws when the body is neither.</summary>
    public static bool IsJson(byte[] body) => FirstSignificantChar(body) switch
    {
        null => throw new PayloadFormatException("Not a feed: the body is empty."),
        '{' => true,
        '<' => false,
        var start => throw new PayloadFormatException($"Not a feed: the body starts with '{start}', neither XML nor JSON."),
    };

    /// <summary>The XML format of a root element; throws <see cref="PayloadFormatException"/> for any other root.</summary>
    public static FeedFormat FromRoot(string localName, string ns) => (localName, ns) switch
    {
        ("rss", _) => FeedFormat.Rss,
        ("RDF", FeedXml.RdfNamespace) => FeedFormat.Rdf,
        ("feed", FeedXml.AtomNamespace or FeedXml.Atom03Namespace) => FeedFormat.Atom,
        ("html", _) => throw NotAFeed("an HTML page"),
        _ => throw NotAFeed($"an XML document with root element <{localName}>"),
    };

    /// <summary>The error for a body that broke before its root element: an HTML page, or malformed XML.</summary>
    public static PayloadFormatException NotXml(byte[] body, XmlException ex) =>
        XmlProlog.LooksLikeHtml(body) ? NotAFeed("an HTML page") : FeedXml.Malformed("XML", ex, body);

    private static PayloadFormatException NotAFeed(string what) =>
        new($"Not a feed: the body is {what}, not RSS, Atom or JSON Feed.");

    // Bytes, not a decoder: UTF-8 and the single-byte code pages share ASCII; UTF-16 puts a zero byte beside it.
    private static char? FirstSignificantChar(byte[] body)
    {
        var span = body.AsSpan(0, Math.Min(body.Length, 4096));
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        foreach (var b in span)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0 or 0xFE or 0xFF))
            {
                return (char)b;
            }
        }

        return null;
    }
}
