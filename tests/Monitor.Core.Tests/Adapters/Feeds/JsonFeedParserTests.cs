using System.Text;
using Monitor.Core.Adapters.Feeds;
using Monitor.Core.Adapters.Feeds.Json;

namespace Monitor.Core.Tests.Adapters.Feeds;

public sealed class JsonFeedParserTests
{
    public static TheoryData<string, string?, string?, string?, string?> Items => new()
    {
        // item JSON → Id, Link, Content, Author (feed author "Feed")
        { """{"id":"a","url":"https://e.org/a","content_html":"<p>x</p>","content_text":"x"}""", "a", "https://e.org/a", "<p>x</p>", "Feed" },
        { """{"id":42,"external_url":"https://o.org/b","content_text":"only text"}""", "42", "https://o.org/b", "only text", "Feed" },
        { """{"id":" c ","authors":[{"name":"A"},{"name":"B"}]}""", "c", null, null, "A, B" },
        { """{"id":"d","author":{"name":"Old Style"}}""", "d", null, null, "Old Style" },
        { """{"id":null,"url":"https://e.org/e"}""", null, "https://e.org/e", null, "Feed" },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Parse_Item_ReadsIdLinkContentAndAuthor(string itemJson, string? id, string? link, string? content, string? author)
    {
        var json = $$"""{"version":"https://jsonfeed.org/version/1.1","language":"de","authors":[{"name":"Feed"}],"items":[{{itemJson}}]}""";

        var feed = JsonFeedParser.Parse(Encoding.UTF8.GetBytes(json), 100);

        var entry = Assert.Single(feed.Entries);
        Assert.Equal(id, entry.Id);
        Assert.Equal(link, entry.Link);
        Assert.Equal(content, entry.Content?.Value);
        Assert.Equal(author, entry.Author);
        Assert.Equal("de", feed.Language);
    }

    [Fact]
    public void Parse_Version10WithoutItems_IsAnEmptyFeed()
    {
        var feed = JsonFeedParser.Parse("""{"version":"https://jsonfeed.org/version/1","title":"x"}"""u8.ToArray(), 100);

        Assert.Empty(feed.Entries);
        Assert.Equal(FeedFormat.Json, feed.Format);
    }

    [Fact]
    public void Parse_ByteOrderMark_IsSkipped()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. """{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1"}]}"""u8];

        var feed = FeedParser.Parse(body, 100);

        Assert.Equal(["1"], feed.Entries.Select(e => e.Id));
    }
}
