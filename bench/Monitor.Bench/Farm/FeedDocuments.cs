using System.Globalization;
using System.Security;
using System.Text;
using System.Text.Json;

namespace Monitor.Bench.Farm;

/// <summary>
/// Builds an account's feed document (Atom 1.0, RSS 2.0 or JSON Feed 1.1) with 50 entries, newest first. At generation
/// <c>g</c> the feed has gained <see cref="FarmAccounts.NewEntriesPerGeneration"/> × g entries on top (numbered -1, -2, …)
/// and dropped as many of its oldest; every other entry is byte for byte what generation 0 served.
/// </summary>
internal static class FeedDocuments
{
    public static byte[] Build(int index, int generation = 0) => FarmAccounts.KindOf(index) switch
    {
        FarmKind.Atom => Encoding.UTF8.GetBytes(Atom(index, generation * FarmAccounts.NewEntriesPerGeneration)),
        FarmKind.Rss => Encoding.UTF8.GetBytes(Rss(index, generation * FarmAccounts.NewEntriesPerGeneration)),
        FarmKind.Json => Json(index, generation * FarmAccounts.NewEntriesPerGeneration),
        var other => throw new ArgumentOutOfRangeException(nameof(index), other, "Not a feed account."),
    };

    public static string ContentType(int index) => FarmAccounts.KindOf(index) switch
    {
        FarmKind.Atom => "application/atom+xml; charset=utf-8",
        FarmKind.Rss => "application/rss+xml; charset=utf-8",
        _ => "application/feed+json",
    };

    private static string Atom(int index, int shift)
    {
        var site = $"https://ministry{index}.farm.test/";
        var builder = new StringBuilder(64 * 1024);
        builder.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n")
            .Append("  <id>").Append(site).Append("feed</id>\n  <title>Ministry ").Append(index).Append(" news</title>\n")
            .Append("  <updated>").Append(Iso(FarmAccounts.Published(index, -shift))).Append("</updated>\n")
            .Append("  <link rel=\"self\" href=\"").Append(site).Append("feed.atom\"/>\n");
        for (var e = -shift; e < FarmAccounts.EntriesPerAccount - shift; e++)
        {
            var published = FarmAccounts.Published(index, e);
            builder.Append("  <entry>\n    <id>tag:ministry").Append(index).Append(".farm.test,2026:").Append(e).Append("</id>\n")
                .Append("    <title>").Append(FarmText.Title(index, e)).Append("</title>\n")
                .Append("    <link rel=\"alternate\" type=\"text/html\" href=\"").Append(site).Append("news/").Append(e).Append("\"/>\n")
                .Append("    <published>").Append(Iso(published)).Append("</published>\n")
                .Append("    <updated>").Append(Iso(published.AddMinutes(5))).Append("</updated>\n")
                .Append("    <author><name>Press office ").Append(index).Append("</name></author>\n")
                .Append("    <summary>").Append(FarmText.Title(index, e + 1)).Append("</summary>\n")
                .Append("    <content type=\"html\">").Append(SecurityElement.Escape(FarmText.Html(index, e))).Append("</content>\n")
                .Append("  </entry>\n");
        }

        return builder.Append("</feed>\n").ToString();
    }

    private static string Rss(int index, int shift)
    {
        var site = $"https://embassy{index}.farm.test/";
        var builder = new StringBuilder(64 * 1024);
        builder.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" ")
            .Append("xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n")
            .Append("  <title>Embassy ").Append(index).Append("</title>\n  <link>").Append(site).Append("</link>\n")
            .Append("  <description>News of embassy ").Append(index).Append("</description>\n  <language>en-gb</language>\n");
        for (var e = -shift; e < FarmAccounts.EntriesPerAccount - shift; e++)
        {
            builder.Append("  <item>\n    <title>").Append(FarmText.Title(index, e)).Append("</title>\n")
                .Append("    <link>").Append(site).Append("news/").Append(e).Append("</link>\n")
                .Append("    <guid isPermaLink=\"false\">embassy-").Append(index).Append('-').Append(e).Append("</guid>\n")
                .Append("    <pubDate>").Append(FarmAccounts.Published(index, e).ToString("r", CultureInfo.InvariantCulture)).Append("</pubDate>\n")
                .Append("    <dc:creator>Press office</dc:creator>\n")
                .Append("    <description>").Append(SecurityElement.Escape(FarmText.Plain(index, e))).Append("</description>\n")
                .Append("    <content:encoded><![CDATA[").Append(FarmText.Html(index, e)).Append("]]></content:encoded>\n")
                .Append("  </item>\n");
        }

        return builder.Append("</channel>\n</rss>\n").ToString();
    }

    private static byte[] Json(int index, int shift)
    {
        var site = $"https://mission{index}.farm.test/";
        using var buffer = new MemoryStream(64 * 1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("version", "https://jsonfeed.org/version/1.1");
            json.WriteString("title", $"Mission {index}");
            json.WriteString("home_page_url", site);
            json.WriteString("language", "fr");
            json.WriteStartArray("items");
            for (var e = -shift; e < FarmAccounts.EntriesPerAccount - shift; e++)
            {
                json.WriteStartObject();
                json.WriteString("id", $"{site}items/{e}");
                json.WriteString("url", $"{site}items/{e}");
                json.WriteString("title", FarmText.Title(index, e));
                json.WriteString("content_html", FarmText.Html(index, e));
                json.WriteString("summary", FarmText.Title(index, e + 1));
                json.WriteString("date_published", Iso(FarmAccounts.Published(index, e)));
                json.WriteStartArray("authors");
                json.WriteStartObject();
                json.WriteString("name", "Press office");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string Iso(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
