using System.Text;
using Monitor.Core.Adapters.Feeds;
using Monitor.Core.Adapters.Feeds.Rss;

namespace Monitor.Core.Tests.Adapters.Feeds;

public sealed class RssParserTests
{
    private const string Namespaces =
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:atom=\"http://www.w3.org/2005/Atom\"";

    public static TheoryData<string, string?, string?, string?> Items => new()
    {
        // item XML → Id, Link, Author
        { "<guid isPermaLink=\"false\">abc-1</guid><link>https://e.org/a</link>", "abc-1", "https://e.org/a", null },
        { "<guid>https://e.org/p/1</guid>", "https://e.org/p/1", "https://e.org/p/1", null },
        { "<guid isPermaLink=\"false\">https://e.org/p/1</guid>", "https://e.org/p/1", null, null },
        { "<link> https://e.org/b </link>", null, "https://e.org/b", null },
        { "<atom:link rel=\"alternate\" href=\"https://e.org/c\"/>", null, "https://e.org/c", null },
        { "<guid>1</guid><dc:creator>Jane Doe</dc:creator><author>x@e.org (X)</author>", "1", null, "Jane Doe" },
        { "<guid>1</guid><author>press@e.org (Press Office)</author>", "1", null, "Press Office" },
        { "<guid>1</guid><author>Press Office</author>", "1", null, "Press Office" },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Parse_Item_ReadsIdentityLinkAndAuthor(string itemXml, string? id, string? link, string? author)
    {
        var entry = Assert.Single(ParseItems(itemXml).Entries);

        Assert.Equal(id, entry.Id);
        Assert.Equal(link, entry.Link);
        Assert.Equal(author, entry.Author);
    }

    public static TheoryData<string, string?, string?, string?> Texts => new()
    {
        // item XML → Title, Content, Summary (as parsed, before HTML stripping)
        { "<title>A &amp;amp; B</title>", "A & B", null, null },
        { "<title><![CDATA[Q&A <session>]]></title>", "Q&A <session>", null, null },
        { "<description><![CDATA[<p>Hi</p>]]></description>", null, null, "<p>Hi</p>" },
        { "<description>&lt;p&gt;Hi&lt;/p&gt;</description><content:encoded>&lt;p&gt;Full&lt;/p&gt;</content:encoded>", null, "<p>Full</p>", "<p>Hi</p>" },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Parse_Item_ReadsTextsWithCdataAndEntities(string itemXml, string? title, string? content, string? summary)
    {
        var entry = Assert.Single(ParseItems(itemXml).Entries);

        Assert.Equal(title, entry.Title?.Value);
        Assert.Equal(content, entry.Content?.Value);
        Assert.Equal(summary, entry.Summary?.Value);
    }

    public static TheoryData<string, string?, string?, string?> Dates => new()
    {
        // item XML → Published, Updated, Language
        { "<pubDate>Wed, 01 May 2024 10:00:00 GMT</pubDate><dc:date>2024-01-01</dc:date>", "Wed, 01 May 2024 10:00:00 GMT", null, null },
        { "<dc:date>2024-05-01T10:00:00Z</dc:date><dc:language>fr</dc:language>", "2024-05-01T10:00:00Z", null, "fr" },
        { "<atom:updated>2024-05-02T10:00:00Z</atom:updated>", null, "2024-05-02T10:00:00Z", null },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Parse_Item_ReadsRawDatesAndLanguage(string itemXml, string? published, string? updated, string? language)
    {
        var entry = Assert.Single(ParseItems(itemXml).Entries);

        Assert.Equal(published, entry.Published);
        Assert.Equal(updated, entry.Updated);
        Assert.Equal(language, entry.Language);
    }

    [Fact]
    public void Parse_Channel_ReadsLanguageTtlAndCapsEntries()
    {
        var xml = $"<rss {Namespaces}><channel><language>en-GB</language><ttl>45</ttl>"
            + string.Concat(Enumerable.Range(1, 5).Select(i => $"<item><guid>{i}</guid></item>")) + "</channel></rss>";

        var feed = RssParser.Parse(Encoding.UTF8.GetBytes(xml), FeedFormat.Rss, maxEntries: 3);

        Assert.Equal("en-GB", feed.Language);
        Assert.Equal(TimeSpan.FromMinutes(45), feed.Ttl);
        Assert.Equal(["1", "2", "3"], feed.Entries.Select(e => e.Id));
    }

    private static ParsedFeed ParseItems(string itemXml) =>
        RssParser.Parse(Encoding.UTF8.GetBytes($"<rss version=\"2.0\" {Namespaces}><channel><item>{itemXml}</item></channel></rss>"), FeedFormat.Rss, 100);
}
