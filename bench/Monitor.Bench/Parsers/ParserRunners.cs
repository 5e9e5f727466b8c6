using System.ServiceModel.Syndication;
using System.Xml;
using CodeHollow.FeedReader;
using Monitor.Core.Adapters.Feeds;

namespace Monitor.Bench.Parsers;

/// <summary>
/// Each library reading a document into entries with parsed publication dates, the work all three share. Monitor's
/// parsers keep dates as text (the mapper decides what is usable), so its runner parses them with Monitor's own
/// <see cref="FeedDateParser"/> to do the same work.
/// </summary>
internal static class ParserRunners
{
    public static IReadOnlyList<DateTimeOffset?> Monitor(byte[] body)
    {
        var feed = FeedParser.Parse(body, 1000);
        var dates = new DateTimeOffset?[feed.Entries.Count];
        for (var i = 0; i < dates.Length; i++)
        {
            dates[i] = FeedDateParser.Parse(feed.Entries[i].Published ?? feed.Entries[i].Updated);
        }

        return dates;
    }

    /// <summary>The whole of Monitor's per-feed CPU work: parse, then map to posts (identity, dates, HTML → text).</summary>
    public static int MonitorToPosts(byte[] body) =>
        FeedEntryMapper.Map(FeedParser.Parse(body, 1000), new Uri("https://farm.test/feed"), DateTimeOffset.UtcNow).Count;

    /// <summary>SyndicationFeed reads RSS 2.0 and Atom 1.0 only; it has no JSON Feed support.</summary>
    public static IReadOnlyList<DateTimeOffset?>? Syndication(byte[] body)
    {
        if (body[0] == (byte)'{')
        {
            return null;
        }

        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var feed = SyndicationFeed.Load(reader);
        return feed.Items.Select(i => (DateTimeOffset?)(i.PublishDate == default ? i.LastUpdatedTime : i.PublishDate)).ToList();
    }

    public static IReadOnlyList<DateTimeOffset?> CodeHollow(byte[] body)
    {
        var feed = FeedReader.ReadFromByteArray(body);
        return feed.Items.Select(i => i.PublishingDate is { } d
            ? (DateTimeOffset?)new DateTimeOffset(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc))
            : null).ToList();
    }
}
