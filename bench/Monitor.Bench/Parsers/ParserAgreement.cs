using System.ServiceModel.Syndication;
using System.Xml;
using CodeHollow.FeedReader;
using Monitor.Core.Adapters.Feeds;

namespace Monitor.Bench.Parsers;

/// <summary>
/// The check step before measuring: on every document a library accepts, it must find the same entries as Monitor,
/// with the same values in the fields both read (id, link, title, publication instant).
/// </summary>
internal static class ParserAgreement
{
    private sealed record Fields(string? Id, string? Link, string? Title, DateTimeOffset? Date);

    public static bool Check(TextWriter output)
    {
        var agree = true;
        foreach (var (format, body) in ParserDocuments.ByFormat)
        {
            var monitor = MonitorFields(body);
            var others = new Dictionary<string, IReadOnlyList<Fields>?>
            {
                ["SyndicationFeed"] = SyndicationFields(body),
                ["CodeHollow"] = CodeHollowFields(body),
            };
            output.WriteLine($"{format}: Monitor {monitor.Count} entries, {monitor.Count(d => d.Date is not null)} dated");
            foreach (var (name, entries) in others)
            {
                if (entries is null)
                {
                    output.WriteLine($"  {name}: does not read {format}");
                    continue;
                }

                var mismatches = monitor.Zip(entries).Where(pair => pair.First != pair.Second).ToList();
                var ok = entries.Count == monitor.Count && mismatches.Count == 0;
                agree &= ok;
                output.WriteLine($"  {name}: {entries.Count} entries, {mismatches.Count} with a different id, link, title or date → {(ok ? "agrees" : "DISAGREES")}");
                foreach (var (mine, theirs) in mismatches.Take(3))
                {
                    output.WriteLine($"    Monitor {mine}\n    {name} {theirs}");
                }
            }
        }

        return agree;
    }

    private static List<Fields> MonitorFields(byte[] body) =>
        FeedParser.Parse(body, 1000).Entries
            .Select(e => new Fields(e.Id, e.Link, e.Title?.Value, FeedDateParser.Parse(e.Published ?? e.Updated)))
            .ToList();

    private static List<Fields>? SyndicationFields(byte[] body)
    {
        if (body[0] == (byte)'{')
        {
            return null;
        }

        using var reader = XmlReader.Create(new MemoryStream(body, writable: false), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        return SyndicationFeed.Load(reader).Items.Select(i => new Fields(
            i.Id,
            i.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.Uri.OriginalString,
            i.Title?.Text,
            i.PublishDate == default ? i.LastUpdatedTime : i.PublishDate)).ToList();
    }

    private static List<Fields> CodeHollowFields(byte[] body) =>
        FeedReader.ReadFromByteArray(body).Items.Select(i => new Fields(
            i.Id,
            i.Link,
            i.Title,
            i.PublishingDate is { } d
                ? new DateTimeOffset(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : DateTime.SpecifyKind(d, DateTimeKind.Utc))
                : null)).ToList();
}
