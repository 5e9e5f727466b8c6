using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// The one way feed XML is read: streamed, a DTD skipped and never processed, no resolver; the recoverable errors of
/// real feeds repaired (<see cref="XmlRepair"/>), a truncated document kept up to its last complete entry, and every
/// other error a <see cref="PayloadFormatException"/> that says what and where.
/// </summary>
internal static class FeedXml
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string Atom03Namespace = "http://purl.org/atom/ns#";
    public const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";
    public const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    public const string RdfNamespace = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";
    public const string MediaNamespace = "http://search.yahoo.com/mrss/";
    public const string ITunesNamespace = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public const string XmlNamespace = "http://www.w3.org/XML/1998/namespace";

    static FeedXml()
    {
        // Many feeds still declare windows-1252 and friends, which .NET only knows through the code-pages provider.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    // A DTD is skipped, not processed: no entity it declares is ever expanded, so neither XXE (external entities) nor
    // "billion laughs" (nested entities) can happen, and no resolver means nothing outside the body is ever opened.
    // Old RSS 0.91 feeds declare the Netscape DTD only out of habit; they read fine without it.
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    /// <summary>A safe reader over the body; the encoding comes from the BOM or XML declaration.</summary>
    public static XmlReader CreateReader(byte[] body) => XmlReader.Create(new MemoryStream(body, writable: false), Settings);

    /// <summary>
    /// Reads the body with <paramref name="read"/>; on an XML error, repairs what <see cref="XmlRepair"/> may repair
    /// and reads again, and keeps the complete entries of a truncated document. The notes of the result say which.
    /// </summary>
    /// <param name="body">The response body.</param>
    /// <param name="format">The format when the caller knows it; null when <paramref name="read"/> learns it from the root.</param>
    /// <param name="read">Reads the document into the state, setting its format when it was null.</param>
    public static ParsedFeed Parse(byte[] body, FeedFormat? format, Action<XmlReader, FeedReadState> read)
    {
        try
        {
            var (state, error) = TryRead(body, format, read);
            if (error is null)
            {
                return state.ToFeed(notes: null);
            }

            if (Truncation(error, body, state) is { } truncated)
            {
                return state.ToFeed(truncated);
            }

            // Entities declared in an internal subset are never expanded, and a body that has one is never repaired:
            // repairing "&xxe;" into text would hide what the document asked for.
            var (repaired, counts) = XmlProlog.HasInternalSubset(body) ? (body, default) : XmlRepair.Repair(body);
            if (counts.Total == 0)
            {
                throw Refusal(state, error, body, context: null);
            }

            (state, error) = TryRead(repaired, format, read);
            if (error is null)
            {
                return state.ToFeed(counts.ToString());
            }

            return Truncation(error, repaired, state) is { } cut
                ? state.ToFeed(counts + "; " + cut)
                : throw Refusal(state, error, repaired, $" (after repairing {counts.Describe()})");
        }
        catch (DecoderFallbackException ex)
        {
            throw new PayloadFormatException($"Malformed {Name(format)} feed: the body is not valid in its declared encoding.", ex);
        }
        catch (ArgumentException ex)
        {
            // An unknown encoding name in the XML declaration surfaces as ArgumentException.
            throw new PayloadFormatException($"Malformed {Name(format)} feed: {ex.Message}", ex);
        }
    }

    // Broken before the root element said what it is: perhaps an HTML page. After it: malformed in that format.
    private static PayloadFormatException Refusal(FeedReadState state, XmlException error, byte[] body, string? context) =>
        state.Format is null ? FeedFormatDetector.NotXml(body, error) : Malformed(Name(state.Format), error, body, context);

    /// <summary>The error for malformed XML, saying where it broke, and that a DTD was not processed when there is one.</summary>
    public static PayloadFormatException Malformed(string format, XmlException ex, byte[] body, string? context = null)
    {
        var where = FormattableString.Invariant($"Malformed {format} feed at line {ex.LineNumber}, position {ex.LinePosition}");
        if (XmlProlog.HasInternalSubset(body))
        {
            return new PayloadFormatException(
                $"{where}: {ex.Message} The document has a DTD with an internal subset (<!DOCTYPE … [ … ]>): its entities "
                + "are never expanded, because entity expansion enables XXE and billion-laughs attacks, and such a document "
                + "is never repaired.", ex);
        }

        return new PayloadFormatException($"{where}{context}: {ex.Message}", ex);
    }

    /// <summary>Reads the element the reader is on (and its subtree) and moves past it.</summary>
    public static XElement ReadElement(XmlReader reader) => (XElement)XNode.ReadFrom(reader);

    /// <summary>Trimmed text of a child element, or null when absent or blank.</summary>
    public static string? ChildText(this XElement parent, XName name) =>
        parent.Element(name)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static (FeedReadState State, XmlException? Error) TryRead(byte[] body, FeedFormat? format, Action<XmlReader, FeedReadState> read)
    {
        var state = new FeedReadState { Format = format };
        try
        {
            using var reader = CreateReader(body);
            read(reader, state);
            return (state, null);
        }
        catch (XmlException ex)
        {
            return (state, ex);
        }
    }

    // A document that ends early — a dropped connection, a server that cut the response — reports an unexpected end
    // of file on its last line. What was complete before the break is kept; a document with nothing complete fails.
    private static string? Truncation(XmlException error, byte[] body, FeedReadState state)
    {
        if (state.Entries.Count == 0 || !error.Message.Contains("end of file", StringComparison.OrdinalIgnoreCase)
            || error.LineNumber < body.AsSpan().Count((byte)'\n') + 1)
        {
            return null;
        }

        return FormattableString.Invariant(
            $"truncated: the document ends at line {error.LineNumber}, position {error.LinePosition}; kept the {state.Entries.Count} complete entries before it");
    }

    private static string Name(FeedFormat? format) => format switch
    {
        FeedFormat.Rdf => "RSS 1.0/RDF",
        FeedFormat.Rss => "RSS",
        FeedFormat.Atom => "Atom",
        null => "XML",
        _ => format.ToString()!,
    };
}
