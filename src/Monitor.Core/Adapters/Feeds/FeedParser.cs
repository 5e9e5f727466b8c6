using Monitor.Core.Adapters.Feeds.Atom;
using Monitor.Core.Adapters.Feeds.Json;
using Monitor.Core.Adapters.Feeds.Rss;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>Detects the body's format and hands it to that format's parser (Miniflux's parser.ParseFeed, in small).</summary>
internal static class FeedParser
{
    /// <summary>Parses a feed body of any supported format; <see cref="PayloadFormatException"/> when it is not one.</summary>
    /// <param name="body">The response body.</param>
    /// <param name="maxEntries">Entries kept, in document order.</param>
    /// <param name="documentUrl">The feed's URL: the outermost base of <c>xml:base</c>, so relative bases resolve too.</param>
    public static ParsedFeed Parse(byte[] body, int maxEntries, Uri? documentUrl = null) => FeedFormatDetector.DetectFeedFormat(body) switch
    {
        FeedFormat.Rss => RssParser.Parse(body, FeedFormat.Rss, maxEntries, documentUrl),
        FeedFormat.Rdf => RssParser.Parse(body, FeedFormat.Rdf, maxEntries, documentUrl),
        FeedFormat.Atom => AtomParser.Parse(body, maxEntries, documentUrl),
        FeedFormat.Json => JsonFeedParser.Parse(body, maxEntries),
        var other => throw new PayloadFormatException($"Unsupported feed format {other}."),
    };
}
