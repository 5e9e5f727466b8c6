using System.Globalization;
using System.Xml;

namespace Monitor.Core.Adapters.YouTube;

/// <summary>Reads a YouTube channel feed: Atom with the <c>yt:</c> and Media RSS (<c>media:</c>) extensions.</summary>
internal static class YouTubeFeedParser
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string Yt = "http://www.youtube.com/xml/schemas/2015";
    private const string Media = "http://search.yahoo.com/mrss/";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>The feed's entries in document order (newest first). Throws <see cref="PayloadFormatException"/> for anything but a valid feed.</summary>
    public static IReadOnlyList<YouTubeFeedEntry> Parse(byte[] body)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), Settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.LocalName != "feed" || reader.NamespaceURI != Atom)
            {
                throw new PayloadFormatException("The YouTube channel feed is not an Atom feed.");
            }

            var entries = new List<YouTubeFeedEntry>();
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "entry" && reader.NamespaceURI == Atom)
                {
                    using var entry = reader.ReadSubtree();
                    entries.Add(ParseEntry(entry));
                }
            }

            return entries;
        }
        catch (XmlException ex)
        {
            throw new PayloadFormatException($"The YouTube channel feed is not well-formed XML: {ex.Message}", ex);
        }
    }

    private static YouTubeFeedEntry ParseEntry(XmlReader reader)
    {
        string? videoId = null, title = null, mediaTitle = null, description = null, url = null, author = null, thumbnail = null;
        DateTimeOffset? published = null, updated = null;
        long? views = null, likes = null;
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            switch ((reader.NamespaceURI, reader.LocalName))
            {
                case (Yt, "videoId"): videoId = reader.ReadElementContentAsString().Trim(); continue;
                case (Atom, "title"): title = reader.ReadElementContentAsString(); continue;
                case (Atom, "name"): author = reader.ReadElementContentAsString().Trim(); continue;
                case (Atom, "published"): published = ParseDate(reader.ReadElementContentAsString(), "published"); continue;
                case (Atom, "updated"): updated = ParseDate(reader.ReadElementContentAsString(), "updated"); continue;
                case (Media, "title"): mediaTitle = reader.ReadElementContentAsString(); continue;
                case (Media, "description"): description = reader.ReadElementContentAsString(); continue;
                case (Atom, "link") when reader.GetAttribute("rel") is null or "alternate": url = reader.GetAttribute("href"); break;
                case (Media, "starRating"): likes = ParseCount(reader.GetAttribute("count")); break;
                case (Media, "statistics"): views = ParseCount(reader.GetAttribute("views")); break;
                case (Media, "thumbnail"): thumbnail ??= reader.GetAttribute("url"); break;
            }

            reader.Read();
        }

        if (string.IsNullOrEmpty(videoId) || published is null)
        {
            throw new PayloadFormatException("A YouTube feed entry lacks yt:videoId or published.");
        }

        return new YouTubeFeedEntry(videoId, published.Value, updated, mediaTitle ?? title, description, url, author, views, likes, thumbnail);
    }

    private static DateTimeOffset ParseDate(string value, string element) =>
        DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new PayloadFormatException($"A YouTube feed entry has an unreadable {element} date.");

    private static long? ParseCount(string? value) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : null;
}
