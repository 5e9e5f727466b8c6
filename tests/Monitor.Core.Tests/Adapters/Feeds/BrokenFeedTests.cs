using System.Text;
using Monitor.Core.Adapters;
using Monitor.Core.Adapters.Feeds;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Feeds;

/// <summary>Whatever arrives, parsing ends in posts or a <see cref="PayloadFormatException"/> that says what is wrong.</summary>
public sealed class BrokenFeedTests
{
    private const string Xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><item><title>&xxe;</title></item></channel></rss>
        """;

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
        ]>
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&lol4;</title></entry></feed>
        """;

    private const string InternalEntity = """<!DOCTYPE rss [<!ENTITY org "MFA">]><rss version="2.0"><channel><item><title>&org;</title></item></channel></rss>""";

    public static TheoryData<string, string> Cases => new()
    {
        // body → words the message must contain
        { "", "Not a feed: the body is empty" },
        { "  \r\n ", "Not a feed: the body is empty" },
        { "Service temporarily unavailable", "Not a feed: the body starts with 'S'" },
        { "<!DOCTYPE html><html><head><meta charset=utf-8><title>News</title></head><body><p>Hi</body></html>", "Not a feed: the body is an HTML page" },
        { "<html><head><title>News</title></head><body></body></html>", "Not a feed: the body is an HTML page" },
        { "<?xml version=\"1.0\"?><sitemap xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>", "root element <sitemap>" },
        { "<feed><entry/></feed>", "root element <feed>" },
        { Xxe, "Malformed RSS feed at line 3, position 43: Reference to undeclared entity 'xxe'." },
        { BillionLaughs, "Malformed Atom feed at line 8, position 58: Reference to undeclared entity 'lol4'." },
        { InternalEntity, "The document has a DTD with an internal subset (<!DOCTYPE … [ … ]>): its entities are never expanded" },
        // a DTD with an internal subset rules out repairs: &nbsp; stays an error
        { "<!DOCTYPE feed [<!ENTITY org \"MFA\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>x &nbsp; y</title></entry></feed>", "at line 1, position 97: Reference to undeclared entity 'nbsp'." },
        { "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\"><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>", "Not a feed: the body is an HTML page" },
        { "<rss version=\"2.0\"><channel><item><title>Cut", "Malformed RSS feed at line 1, position 45: Unexpected end of file" },
        { "<rss version=\"2.0\"><channel><item><title>A</titel></item></channel></rss>", "Malformed RSS feed at line 1, position 45: " },
        // repairs are tried, and the error after them says so
        { "<rss version=\"2.0\"><channel><item><title>A & B</titel></item></channel></rss>", "Malformed RSS feed at line 1, position 53 (after repairing 1 bare ampersand): The 'title' start tag" },
        { "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>&#1;</title><id>1</entry></feed>", "(after repairing 1 control character)" },
        { "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":[{\"id\":\"1\"", "Malformed JSON Feed at line 1" },
        { "{\"name\":\"not a feed\"}", "Not a feed: JSON without a \"version\"" },
        { "{\"version\":\"https://jsonfeed.org/version/1.1\",\"items\":\"none\"}", "Malformed JSON Feed" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_BrokenBody_ThrowsPayloadFormatExceptionSayingWhy(string body, string expected)
    {
        var ex = Assert.Throws<PayloadFormatException>(() => FeedParser.Parse(Encoding.UTF8.GetBytes(body), 100));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> RefusedFixtures => new()
    {
        // fixture under Fixtures/Feeds → the whole error message
        {
            "refused-dtd-entities.xml",
            "Malformed RSS feed at line 7, position 13: Reference to undeclared entity 'ministry'. Line 7, position 13. The document "
            + "has a DTD with an internal subset (<!DOCTYPE … [ … ]>): its entities are never expanded, because entity "
            + "expansion enables XXE and billion-laughs attacks, and such a document is never repaired."
        },
        {
            "refused-malformed.xml",
            "Malformed RSS feed at line 7, position 25: The 'title' start tag on line 7 position 8 does not match the end tag of 'titel'. Line 7, position 25."
        },
        { "refused-html-page.html", "Not a feed: the body is an HTML page, not RSS, Atom or JSON Feed." },
    };

    [Theory]
    [MemberData(nameof(RefusedFixtures))]
    public void Parse_RefusedFixture_SaysWhatItIs(string fixture, string message)
    {
        var ex = Assert.Throws<PayloadFormatException>(() => FeedParser.Parse(Fixtures.ReadBytes("Feeds/" + fixture), 100));

        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Parse_InternalSubsetWhoseEntitiesAreUnused_ReadsTheFeed()
    {
        var body = Encoding.UTF8.GetBytes("""<!DOCTYPE rss [<!ENTITY org "MFA">]><rss version="2.0"><channel><item><guid>1</guid><title>Plain</title></item></channel></rss>""");

        var feed = FeedParser.Parse(body, 100);

        Assert.Equal("Plain", Assert.Single(feed.Entries).Title?.Value);
        Assert.Null(feed.Notes);
    }

    [Fact]
    public void Parse_Windows1252Declared_DecodesThroughCodePages()
    {
        var body = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss><channel><item><guid>1</guid><title>Caf\u00e9</title></item></channel></rss>");

        var entry = Assert.Single(FeedParser.Parse(body, 100).Entries);

        Assert.Equal("Caf\u00e9", entry.Title?.Value);
    }
}
