using Monitor.Core.Adapters.Feeds.Atom;
using Monitor.Core.Adapters.Feeds.Json;
using Monitor.Core.Adapters.Feeds.Rss;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>Detects the body's format and hands it to that format's parser (Miniflux's parser.ParseFeed, in small).</summary>
internal static class FeedParser
{
    /// <summary>Parses a feed body of any supported format; <see cref="PayloadFormatException"/> when it is not one.</summary>
    public static ParsedFeed Parse(byte[] body, int maxEntries) => FeedFormatDetector.DetectFeedFormat(body) switch
    {
        FeedFormat.Rss => RssParser.Parse(body, FeedFormat.Rss, maxEntries),
        FeedFormat.Rdf => RssParser.Parse(body, FeedFormat.Rdf, maxEntries),
        FeedFormat.Atom => AtomParser.Parse(body, maxEntries),
        FeedFormat.Json => JsonFeedParser.Parse(body, maxEntries),
        var other => throw new PayloadFormatException($"Unsupported feed format {other}."),
    };
}
