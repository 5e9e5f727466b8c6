using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Posts;

public sealed class MediaLinksTests
{
    public static TheoryData<string?[], string?, string[]> Cases => new()
    {
        // links as the wire format gives them, the base relative links resolve against, the media list
        { ["https://cdn.test/a.jpg", " https://cdn.test/b.mp4 "], null, ["https://cdn.test/a.jpg", "https://cdn.test/b.mp4"] },
        { ["https://cdn.test/a.jpg", "https://cdn.test/a.jpg", "https://cdn.test/c.png"], null, ["https://cdn.test/a.jpg", "https://cdn.test/c.png"] },
        { ["/img/a.jpg", "b.jpg"], "https://embassy.test/news/feed.xml", ["https://embassy.test/img/a.jpg", "https://embassy.test/news/b.jpg"] },
        { ["/img/a.jpg"], null, [] },
        { [null, "", "   ", "data:image/png;base64,AAAA", "javascript:alert(1)", "ftp://files.test/a.jpg"], "https://e.test/", [] },
        { ["https://cdn.test/a.jpg?sig=AbC%2F&x=1"], null, ["https://cdn.test/a.jpg?sig=AbC%2F&x=1"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_WireLinks_KeepsAbsoluteHttpLinksInOrderWithoutDuplicates(string?[] links, string? baseUrl, string[] expected)
    {
        Assert.Equal(expected, MediaLinks.Of(links, baseUrl is null ? null : new Uri(baseUrl)));
    }

    [Fact]
    public void Post_MediaLists_CompareByTheirLinks()
    {
        var post = new Post { PostId = "1", PublishedAt = DateTimeOffset.UnixEpoch, Media = ["https://cdn.test/a.jpg"] };

        Assert.Equal(post, post with { Media = new List<string> { "https://cdn.test/a.jpg" } });
        Assert.NotEqual(post, post with { Media = ["https://cdn.test/b.jpg"] });
        Assert.Equal(post.GetHashCode(), (post with { Media = ["https://cdn.test/a.jpg"] }).GetHashCode());
        Assert.Empty(new Post { PostId = "2", PublishedAt = DateTimeOffset.UnixEpoch }.Media);
    }
}
