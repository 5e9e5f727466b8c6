using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>The one way feed XML is read: streamed, no DTD, no resolver, errors as <see cref="PayloadFormatException"/>.</summary>
internal static class FeedXml
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    public const string RdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";
    public const string MediaNamespace = "http://search.yahoo.com/mrss/";

    static FeedXml()
    {
        // Many feeds still declare windows-1252 and friends, which .NET only knows through the code-pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // A DTD is refused outright: entity expansion enables XXE (external entities) and "billion laughs" (nested
    // entities); no resolver means nothing outside the body is ever opened. Feeds do not need either.
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>A safe reader over the body; the encoding comes from the BOM or XML declaration.</summary>
    public static XmlReader CreateReader(byte[] body) => XmlReader.Create(new MemoryStream(body, writable: false), Settings);

    /// <summary>Runs a parse, turning XML errors into a <see cref="PayloadFormatException"/> that says where.</summary>
    public static T Parse<T>(byte[] body, string format, Func<XmlReader, T> parse)
    {
        try
        {
            using var reader = CreateReader(body);
            try
            {
                return parse(reader);
            }
            catch (XmlException ex)
            {
                throw Malformed(format, ex, body);
            }
        }
        catch (DecoderFallbackException ex)
        {
            throw new PayloadFormatException($"Malformed {format} feed: the body is not valid in its declared encoding.", ex);
        }
        catch (ArgumentException ex)
        {
            // An unknown encoding name in the XML declaration surfaces as ArgumentException.
            throw new PayloadFormatException($"Malformed {format} feed: {ex.Message}", ex);
        }
    }

    /// <summary>The error for malformed XML, saying where it broke.</summary>
    public static PayloadFormatException Malformed(string format, XmlException ex, byte[] body)
    {
        if (ex.Message.Contains("DTD", StringComparison.Ordinal))
        {
            // The refusal carries no position; point at the declaration itself.
            var (line, column) = PositionOf(body, "<!DOCTYPE");
            return new PayloadFormatException(
                $"Malformed {format} feed at line {line}, position {column}: it declares a DTD (<!DOCTYPE>), which is "
                + "refused because entity expansion enables XXE and billion-laughs attacks.", ex);
        }

        return new PayloadFormatException($"Malformed {format} feed at line {ex.LineNumber}, position {ex.LinePosition}: {ex.Message}", ex);
    }

    private static (int Line, int Column) PositionOf(byte[] body, string marker)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 64 * 1024));
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        if (index < 0)
        {
            return (0, 0);
        }

        var lineStart = text.LastIndexOf('\n', index) + 1;
        return (text.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }

    /// <summary>Reads the element the reader is on (and its subtree) and moves past it.</summary>
    public static XElement ReadElement(XmlReader reader) => (XElement)XNode.ReadFrom(reader);

    /// <summary>Trimmed text of a child element, or null when absent or blank.</summary>
    public static string? ChildText(this XElement parent, XName name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } value ? value : null;
}
