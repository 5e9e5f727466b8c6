using Monitor.Core.Entities;
using Monitor.Core.Posts;
using Monitor.Core.Search;

namespace Monitor.Core.Tests.Search;

public sealed class SearchHitWriterTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 1, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task WriteJsonLinesAsync_Hit_CarriesThePostExportFieldsWithTheStoredEntitiesThenSnippetAndHighlights()
    {
        var post = new Post
        {
            PostId = "p1",
            PublishedAt = At,
            Text = "Talks, \"today\"\n#cop30",
            Language = "en",
            LanguageDetected = true,
            Metrics = new PostMetrics(Likes: 2) { Quotes = 7 },
            Media = ["https://cdn.example.test/a.jpg"],
        };
        var stored = new StoredPost("bluesky", "acc", post, At, At, null, null)
        {
            Entities = [new PostEntity(EntityType.Link, "https://gov.example/a"), new PostEntity(EntityType.Hashtag, "cop30"), new PostEntity(EntityType.Mention, "bob.bsky.social")],
        };
        using var output = new StringWriter();

        await SearchHitWriter.WriteJsonLinesAsync([new SearchHit(stored, "Talks, \"today\"", [new SearchHighlight(0, 5)])], output, TestContext.Current.CancellationToken);

        Assert.Equal(
            """{"platform":"bluesky","accountId":"acc","postId":"p1","url":null,"publishedAt":"2026-11-01T09:30:00.000Z","publishedAtEstimated":false,"kind":"post","title":null,"text":"Talks, \"today\"\n#cop30","language":"en","languageDetected":true,"firstSeenAt":"2026-11-01T09:30:00.000Z","lastSeenAt":"2026-11-01T09:30:00.000Z","editedAt":null,"deletedAt":null,"metrics":{"replies":null,"reposts":null,"likes":2,"views":null,"quotes":7},"media":["https://cdn.example.test/a.jpg"],"hashtags":["cop30"],"mentions":["bob.bsky.social"],"links":["https://gov.example/a"],"snippet":"Talks, \"today\"","highlights":[[0,5]]}""",
            output.ToString().TrimEnd('\r', '\n'));
    }
}
