using System.Xml;
using Monitor.Core.Adapters.Feeds.Atom;
using Monitor.Core.Adapters.Feeds.Json;
using Monitor.Core.Adapters.Feeds.Rss;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// Detects the body's format and hands it to that format's parser (Miniflux's parser.ParseFeed, in small). An XML
/// body is read once: its root element decides the parser, which goes on with the same reader.
/// </summary>
internal static class FeedParser
{
    /// <summary>Parses a feed body of any supported format; <see cref="PayloadFormatException"/> when it is not one.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="maxEntries">Entries kept, in document order.</param>
    /// <param name="documentUrl">The feed's URL: the outermost base of <c>xml:base</c>, so relative bases resolve too.</param>
    public static ParsedFeed Parse(byte[] body, int maxEntries, Uri? documentUrl = null) =>
        FeedFormatDetector.IsJson(body)
            ? JsonFeedParser.Parse(body, maxEntries)
            : FeedXml.Parse(body, format: null, (reader, state) => ReadXml(reader, state, maxEntries, documentUrl));

    private static void ReadXml(XmlReader reader, FeedReadState state, int maxEntries, Uri? documentUrl)
    {
        reader.MoveToContent();
        state.Format = FeedFormatDetector.FromRoot(reader.LocalName, reader.NamespaceURI);
        if (state.Format == FeedFormat.Atom)
        {
            AtomParser.Read(reader, state, maxEntries, documentUrl);
        }
        else
        {
            RssParser.Read(reader, state, maxEntries, documentUrl);
        }
    }
}
