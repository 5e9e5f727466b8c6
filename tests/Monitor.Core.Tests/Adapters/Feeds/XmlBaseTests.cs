using System.Text;
using Monitor.Core.Adapters.Feeds;

namespace Monitor.Core.Tests.Adapters.Feeds;

/// <summary>xml:base at every level (XML Base, RFC 3986 §5): the innermost base in scope, each resolved against its parent.</summary>
public sealed class XmlBaseTests
{
    private static readonly Uri FeedUrl = new("https://mfa.example.org/feeds/news.xml");

    public static TheoryData<string, string, string, string, string> Atom => new()
    {
        // feed xml:base, entry xml:base, link xml:base, href → resolved link
        { "", "", "", "a.html", "https://mfa.example.org/feeds/a.html" },
        { "/press/", "", "", "a.html", "https://mfa.example.org/press/a.html" },
        { "/press/", "2024/", "", "a.html", "https://mfa.example.org/press/2024/a.html" },
        { "/press/", "2024/", "05/", "a.html", "https://mfa.example.org/press/2024/05/a.html" },
        { "/press/", "2024/", "../2023/", "a.html", "https://mfa.example.org/press/2023/a.html" },
        { "https://other.example.org/x/", "", "", "/root", "https://other.example.org/root" },
        { "/press/", "https://archive.example.org/", "", "a.html", "https://archive.example.org/a.html" },
        { "/press/", "2024/", "", "https://abs.example.org/keep?as=written", "https://abs.example.org/keep?as=written" },
        { "/press/", "", "", "?page=2", "https://mfa.example.org/press/?page=2" },
    };

    [Theory]
    [MemberData(nameof(Atom))]
    public void Parse_AtomLink_ResolvesAgainstInnermostBase(string feedBase, string entryBase, string linkBase, string href, string expected)
    {
        var xml = $"""
            <feed xmlns="http://www.w3.org/2005/Atom"{Base(feedBase)}><entry{Base(entryBase)}><id>1</id>
            <link{Base(linkBase)} href="{href}"/></entry></feed>
            """;

        var entry = Assert.Single(FeedParser.Parse(Encoding.UTF8.GetBytes(xml), 10, FeedUrl).Entries);

        Assert.Equal(expected, entry.Link);
    }

    public static TheoryData<string, string, string, string, string> Rss => new()
    {
        // rss xml:base, channel xml:base, item xml:base, link → resolved link
        { "", "", "", "a.html", "https://mfa.example.org/feeds/a.html" },
        { "/news/", "", "", "a.html", "https://mfa.example.org/news/a.html" },
        { "/news/", "2024/", "", "a.html", "https://mfa.example.org/news/2024/a.html" },
        { "/news/", "2024/", "05/", "a.html", "https://mfa.example.org/news/2024/05/a.html" },
        { "", "", "https://cdn.example.org/", "a.html", "https://cdn.example.org/a.html" },
    };

    [Theory]
    [MemberData(nameof(Rss))]
    public void Parse_RssLink_ResolvesAgainstInnermostBase(string rssBase, string channelBase, string itemBase, string link, string expected)
    {
        var xml = $"""
            <rss version="2.0"{Base(rssBase)}><channel{Base(channelBase)}><title>t</title>
            <item{Base(itemBase)}><guid>1</guid><link>{link}</link></item></channel></rss>
            """;

        var entry = Assert.Single(FeedParser.Parse(Encoding.UTF8.GetBytes(xml), 10, FeedUrl).Entries);

        Assert.Equal(expected, entry.Link);
    }

    [Fact]
    public void Map_RelativeBaseWithoutDocumentUrl_ResolvesAgainstTheFeedUrlInTheMapper()
    {
        var xml = """<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><link href="/a"/></entry></feed>""";

        var post = Assert.Single(FeedEntryMapper.Map(FeedParser.Parse(Encoding.UTF8.GetBytes(xml), 10), FeedUrl, FeedGolden.Now));

        Assert.Equal("https://mfa.example.org/a", post.Url);
    }

    private static string Base(string value) => value.Length == 0 ? "" : $" xml:base=\"{value}\"";
}
