using System.Text;
using Monitor.Core.Adapters.Feeds;
using Monitor.Core.Adapters.Feeds.Atom;

namespace Monitor.Core.Tests.Adapters.Feeds;

public sealed class AtomParserTests
{
    public static TheoryData<string, string?, string?, string?> Entries => new()
    {
        // entry XML → Link, Author, Language (the feed has xml:lang="en" and author "Feed Author")
        { "<link href=\"https://e.org/a\"/>", "https://e.org/a", "Feed Author", "en" },
        { "<link rel=\"self\" href=\"https://e.org/self\"/><link rel=\"alternate\" type=\"application/pdf\" href=\"https://e.org/a.pdf\"/><link rel=\"alternate\" type=\"text/html\" href=\"https://e.org/a.html\"/>", "https://e.org/a.html", "Feed Author", "en" },
        { "<link rel=\"enclosure\" href=\"https://e.org/a.mp3\"/>", null, "Feed Author", "en" },
        { "<link rel=\"http://www.iana.org/assignments/relation/alternate\" href=\"https://e.org/iana\"/>", "https://e.org/iana", "Feed Author", "en" },
        { "<author><name>A</name></author><author><name>B</name></author>", null, "A, B", "en" },
        { "<source><author><name>Origin</name></author></source>", null, "Origin", "en" },
        // Attributes are matched by name and namespace: a foreign x:href or x:rel is not the link's own
        { "<link xmlns:x=\"urn:x\" x:href=\"https://e.org/wrong\" href=\"https://e.org/a\"/>", "https://e.org/a", "Feed Author", "en" },
        { "<link xmlns:x=\"urn:x\" x:rel=\"enclosure\" href=\"https://e.org/a\"/>", "https://e.org/a", "Feed Author", "en" },
        { "<link xmlns:x=\"urn:x\" href=\"https://e.org/a\" x:base=\"https://other.org/\"/>", "https://e.org/a", "Feed Author", "en" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Parse_Entry_ReadsLinkAuthorAndLanguage(string entryXml, string? link, string? author, string? language)
    {
        var entry = Assert.Single(ParseEntries($"<entry>{entryXml}</entry>").Entries);

        Assert.Equal(link, entry.Link);
        Assert.Equal(author, entry.Author);
        Assert.Equal(language, entry.Language);
    }

    public static TheoryData<string, string?, bool> TextConstructs => new()
    {
        // content element → parsed value, IsHtml
        { "<content>a &lt; b</content>", "a < b", false },
        { "<content type=\"text\">plain</content>", "plain", false },
        { "<content type=\"html\">&lt;p&gt;Hi&lt;/p&gt;</content>", "<p>Hi</p>", true },
        { "<content type=\"html\"><![CDATA[<p>Hi</p>]]></content>", "<p>Hi</p>", true },
        { "<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi <b>there</b></p></div></content>", "<p xmlns=\"http://www.w3.org/1999/xhtml\">Hi <b>there</b></p>", true },
        { "<content src=\"https://e.org/full\"/>", null, false },
        // RFC 4287 §4.1.3.3: an XML media type is inline, text/* is text, anything else is base64
        { "<content type=\"application/xhtml+xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi</p></div></content>", "<p xmlns=\"http://www.w3.org/1999/xhtml\">Hi</p>", true },
        { "<content type=\"text/csv\">a,b</content>", "a,b", false },
        { "<content type=\"application/octet-stream\">Y2Fmw6k=</content>", "café", false },
        { "<content type=\"application/x-html\">\n  PHA+SGk8L3A+\n</content>", "<p>Hi</p>", true },
        { "<content type=\"image/png\">iVBORw0KGgoAAAANSUhEUg==</content>", null, false },
        { "<content type=\"application/octet-stream\">not base64!</content>", null, false },
        // a foreign x:type or x:src says nothing about the construct
        { "<content xmlns:x=\"urn:x\" x:type=\"html\">a &lt; b</content>", "a < b", false },
        { "<content xmlns:x=\"urn:x\" x:src=\"https://e.org/full\">inline</content>", "inline", false },
        { "<content src=\"https://e.org/full\" type=\"html\">&lt;p&gt;ignored&lt;/p&gt;</content>", null, false },
    };

    [Theory]
    [MemberData(nameof(TextConstructs))]
    public void Parse_Content_HonoursTextConstructType(string contentXml, string? value, bool isHtml)
    {
        var entry = Assert.Single(ParseEntries($"<entry>{contentXml}</entry>").Entries);

        Assert.Equal(value, entry.Content?.Value);
        Assert.Equal(isHtml, entry.Content?.IsHtml ?? false);
    }

    public static TheoryData<string, string?, bool> Atom03Content => new()
    {
        // Atom 0.3 content element → parsed value, IsHtml (mode defaults to xml, type to text/plain)
        { "<content>plain &amp; simple</content>", "plain & simple", false },
        { "<content type=\"text/html\" mode=\"escaped\">&lt;p&gt;Hi&lt;/p&gt;</content>", "<p>Hi</p>", true },
        { "<content type=\"text/plain\" mode=\"escaped\">a &lt; b</content>", "a < b", false },
        { "<content type=\"text/html\" mode=\"base64\">PHA+SGk8L3A+</content>", "<p>Hi</p>", true },
        { "<content type=\"text/plain\" mode=\"base64\">Y2Fmw6k=</content>", "café", false },
        { "<content type=\"application/xhtml+xml\" mode=\"xml\"><div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Hi</p></div></content>", "<p xmlns=\"http://www.w3.org/1999/xhtml\">Hi</p>", true },
    };

    [Theory]
    [MemberData(nameof(Atom03Content))]
    public void Parse_Atom03Content_HonoursModeAndType(string contentXml, string? value, bool isHtml)
    {
        var entry = Assert.Single(ParseAtom03($"<entry><id>1</id>{contentXml}</entry>").Entries);

        Assert.Equal(value, entry.Content?.Value);
        Assert.Equal(isHtml, entry.Content?.IsHtml ?? false);
    }

    public static TheoryData<string, string?, string?> Atom03Dates => new()
    {
        // Atom 0.3 date elements → Published, Updated
        { "<issued>2004-01-02T10:00:00Z</issued><created>2004-01-01T10:00:00Z</created><modified>2004-01-03T10:00:00Z</modified>", "2004-01-02T10:00:00Z", "2004-01-03T10:00:00Z" },
        { "<created>2004-01-01T10:00:00Z</created>", "2004-01-01T10:00:00Z", null },
        { "<modified>2004-01-03T10:00:00Z</modified>", null, "2004-01-03T10:00:00Z" },
    };

    [Theory]
    [MemberData(nameof(Atom03Dates))]
    public void Parse_Atom03Dates_MapToPublishedAndUpdated(string datesXml, string? published, string? updated)
    {
        var entry = Assert.Single(ParseAtom03($"<entry><id>1</id>{datesXml}</entry>").Entries);

        Assert.Equal(published, entry.Published);
        Assert.Equal(updated, entry.Updated);
    }

    [Fact]
    public void Parse_EntryXmlLang_OverridesFeedLanguage()
    {
        var feed = ParseEntries("<entry xml:lang=\"cy\"><id>1</id></entry><entry><id>2</id></entry>");

        Assert.Equal(["cy", "en"], feed.Entries.Select(e => e.Language));
        Assert.Equal("en", feed.Language);
    }

    [Fact]
    public void Parse_EnclosuresAndMediaRss_KeepsEnclosuresFirstAndResolvesMediaBases()
    {
        var entry = Assert.Single(ParseEntries("""
            <entry xmlns:media="http://search.yahoo.com/mrss/"><id>1</id>
              <link rel="enclosure" href="https://e.org/a.mp3"/><link href="https://e.org/a"/>
              <media:group>
                <media:content url="a.jpg" xml:base="https://cdn.e.org/img/"/>
                <media:thumbnail url="t.jpg"/>
                <media:description>From the group</media:description>
              </media:group>
              <link rel="http://www.iana.org/assignments/relation/enclosure" href="https://e.org/b.mp4"/>
            </entry>
            """).Entries);

        Assert.Equal(["https://e.org/a.mp3", "https://e.org/b.mp4", "https://cdn.e.org/img/a.jpg", "t.jpg"], entry.Media);
        Assert.Equal("https://e.org/a", entry.Link);
        Assert.Equal(new FeedText("From the group", false), entry.Summary);
    }

    [Fact]
    public void Parse_EntryWithoutEnclosuresOrMedia_HasNoMedia()
    {
        var entry = Assert.Single(ParseEntries("<entry><id>1</id><link href=\"https://e.org/a\"/></entry>").Entries);

        Assert.Empty(entry.Media);
    }

    private static ParsedFeed ParseEntries(string entries) => AtomParser.Parse(Encoding.UTF8.GetBytes(
        $"<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\"><author><name>Feed Author</name></author>{entries}</feed>"), 100);

    private static ParsedFeed ParseAtom03(string entries) => FeedParser.Parse(Encoding.UTF8.GetBytes(
        $"<feed version=\"0.3\" xmlns=\"http://purl.org/atom/ns#\">{entries}</feed>"), 100);
}
