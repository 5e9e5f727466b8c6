using Monitor.Core.Adapters.Feeds;

namespace Monitor.Core.Tests.Adapters.Feeds;

public sealed class FeedEntryMapperTests
{
    private static readonly Uri FeedUrl = new("https://example.org/news/feed.xml");

    public static TheoryData<string?, string?, string, bool, string?> Dates => new()
    {
        // published, updated → expected PublishedAt, estimated, UpdatedAt (now is 2024-05-10T12:00Z)
        { "2024-05-01T10:00:00Z", null, "2024-05-01T10:00:00+00:00", false, null },
        { null, "2024-05-02T10:00:00Z", "2024-05-02T10:00:00+00:00", false, "2024-05-02T10:00:00+00:00" },
        { "2024-05-01T10:00:00Z", "2024-05-02T10:00:00Z", "2024-05-01T10:00:00+00:00", false, "2024-05-02T10:00:00+00:00" },
        { null, null, "2024-05-10T12:00:00+00:00", true, null },
        { "garbage", null, "2024-05-10T12:00:00+00:00", true, null },
        // a zone name nobody knows, or a date without a day: unknown, never read as UTC
        { "Wed, 01 May 2024 10:00:00 XYZT", null, "2024-05-10T12:00:00+00:00", true, null },
        { "2024-05", null, "2024-05-10T12:00:00+00:00", true, null },
        { "Wed, 01 May 2024 10:00:00 MET", null, "2024-05-01T09:00:00+00:00", false, null },
        // less than a day ahead is clock skew and kept; more is a mistake
        { "2024-05-11T11:59:00Z", null, "2024-05-11T11:59:00+00:00", false, null },
        { "2024-05-11T12:01:00Z", null, "2024-05-10T12:00:00+00:00", true, null },
        { "2099-01-01T00:00:00Z", "2099-01-01T00:00:00Z", "2024-05-10T12:00:00+00:00", true, null },
        // placeholders before the epoch are not dates
        { "0001-01-01T00:00:00Z", null, "2024-05-10T12:00:00+00:00", true, null },
        { "1969-12-31T23:59:59Z", null, "2024-05-10T12:00:00+00:00", true, null },
        { "1970-01-01T00:00:00Z", null, "1970-01-01T00:00:00+00:00", false, null },
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Map_Dates_FollowThePlausibilityRule(string? published, string? updated, string expectedPublished, bool estimated, string? expectedUpdated)
    {
        var entry = new FeedEntry { Id = "1", Published = published, Updated = updated };

        var post = Assert.Single(FeedEntryMapper.Map(new ParsedFeed(FeedFormat.Atom, [entry]), FeedUrl, FeedGolden.Now));

        Assert.Equal(DateTimeOffset.Parse(expectedPublished, System.Globalization.CultureInfo.InvariantCulture), post.PublishedAt);
        Assert.Equal(estimated, post.PublishedAtEstimated);
        Assert.Equal(expectedUpdated is null ? null : DateTimeOffset.Parse(expectedUpdated, System.Globalization.CultureInfo.InvariantCulture), post.UpdatedAt);
    }

    public static TheoryData<string?, string?> Links => new()
    {
        { "https://example.org/a?b=1", "https://example.org/a?b=1" },
        { "/news/a", "https://example.org/news/a" },
        { "b.html", "https://example.org/news/b.html" },
        { "  https://example.org/c  ", "https://example.org/c" },
        { "javascript:alert(1)", null },
        { "mailto:press@example.org", null },
        { "", null },
    };

    [Theory]
    [MemberData(nameof(Links))]
    public void Map_Link_BecomesAbsoluteWebUrlOrNothing(string? link, string? expected)
    {
        var entry = new FeedEntry { Id = "1", Link = link };

        var post = Assert.Single(FeedEntryMapper.Map(new ParsedFeed(FeedFormat.Rss, [entry]), FeedUrl, FeedGolden.Now));

        Assert.Equal(expected, post.Url);
    }

    [Fact]
    public void Map_TextAndLanguage_PreferContentAndEntryLanguage()
    {
        FeedEntry[] entries =
        [
            new() { Id = "1", Content = FeedText.Html("<p>Full <b>text</b></p>"), Summary = FeedText.Html("Short"), Language = "fr" },
            new() { Id = "2", Summary = FeedText.Html("<p>Only summary</p>") },
            new() { Id = "1", Title = FeedText.Plain("Duplicate id: dropped") },
            new() { Title = null },
        ];

        var posts = FeedEntryMapper.Map(new ParsedFeed(FeedFormat.Rss, entries, Language: "en"), FeedUrl, FeedGolden.Now);

        Assert.Equal(["1", "2"], posts.Select(p => p.PostId));
        Assert.Equal(["Full text", "Only summary"], posts.Select(p => p.Text));
        Assert.Equal(["fr", "en"], posts.Select(p => p.Language));
    }
}
