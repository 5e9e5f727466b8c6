namespace Monitor.Core.Adapters.Feeds;

/// <summary>The syndication formats the feed adapter reads, as detected from the body.</summary>
internal enum FeedFormat
{
    Rss,
    Rdf,
    Atom,
    Json,
}
