using System.Globalization;
using System.Xml;

namespace Monitor.Core.Adapters.Feeds.Rss;

/// <summary>
/// Reads RSS 0.9x/2.0 (items inside <c>channel</c>, no namespace) and RSS 1.0/RDF (items beside <c>channel</c>, in
/// the RSS 1.0 namespace), streaming: only one item at a time is materialised. Both share element names, so one
/// parser serves both, looking elements up in the item's own namespace.
/// </summary>
internal static class RssParser
{
    private const int MaxBaseDepth = 8;

    public static ParsedFeed Parse(byte[] body, FeedFormat format, int maxEntries, Uri? documentUrl = null) =>
        FeedXml.Parse(body, format, (reader, state) => Read(reader, state, maxEntries, documentUrl));

    /// <summary>Reads an RSS or RDF document into <paramref name="state"/>, from the root element on.</summary>
    public static void Read(XmlReader reader, FeedReadState state, int maxEntries, Uri? documentUrl)
    {
        string? language = null;
        string? inheritedLanguage = null;
        // The xml:base in scope at each depth of the path from the root to the reader (items sit at depth 1 or 2).
        var bases = new Uri?[MaxBaseDepth + 1];
        reader.MoveToContent();
        while (!reader.EOF && state.Entries.Count < maxEntries)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var depth = reader.Depth;
            var parentBase = depth == 0 ? documentUrl : bases[Math.Min(depth, MaxBaseDepth) - 1];
            switch (reader.LocalName)
            {
                case "item":
                    state.Entries.Add(RssItemReader.Read(FeedXml.ReadElement(reader), parentBase));
                    continue;
                case "channel":
                    inheritedLanguage = NullIfBlank(reader.XmlLang);
                    state.Language = language ?? inheritedLanguage;
                    break;
                // Read before ??=: a short-circuited read would leave the reader in place and loop forever on a
                // second <language> or <ttl>.
                case "language" when depth == 2:
                    var languageText = NullIfBlank(reader.ReadElementContentAsString());
                    language ??= languageText;
                    state.Language = language ?? inheritedLanguage;
                    continue;
                case "ttl" when depth == 2:
                    var ttlText = ParseTtl(reader.ReadElementContentAsString());
                    state.Ttl ??= ttlText;
                    continue;
            }

            bases[Math.Min(depth, MaxBaseDepth)] = XmlBase.Resolve(parentBase, reader.GetAttribute("base", FeedXml.XmlNamespace));
            reader.Read();
        }
    }

    // RSS 2.0: "ttl stands for time to live. It's a number of minutes that indicates how long a channel can be cached".
    private static TimeSpan? ParseTtl(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes is > 0 and <= 7 * 24 * 60
            ? TimeSpan.FromMinutes(minutes)
            : null;

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
