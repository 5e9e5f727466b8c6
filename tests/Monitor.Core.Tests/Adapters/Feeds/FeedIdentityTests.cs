using Monitor.Core.Adapters.Feeds;

namespace Monitor.Core.Tests.Adapters.Feeds;

public sealed class FeedIdentityTests
{
    private const string Page = "https://www.gov.uk/government/news/foo";

    public static TheoryData<string?, string?, string?, string?, string?> Cases => new()
    {
        // id, link, title, published → expected identity
        { "tag:example.org,2024:1", "https://example.org/a", "T", null, "tag:example.org,2024:1" },
        { Page + "#2024-05-01T10:00:00+01:00", Page, "T", null, Page },
        { Page + "#2024-05-02T08:15:00+01:00", Page, "T", null, Page },
        // the fragment rule needs the same page: a different link keeps the id
        { Page + "#2024-05-01T10:00:00+01:00", "https://www.gov.uk/government/news/bar", "T", null, Page + "#2024-05-01T10:00:00+01:00" },
        // a link with its own fragment is not "the id minus its fragment"
        { Page + "#a", Page + "#b", "T", null, Page + "#a" },
        { Page + "#2024", null, "T", null, Page + "#2024" },
        { Page, Page, "T", null, Page },
        { null, "https://example.org/a", "T", null, "https://example.org/a" },
        { null, null, "Title", "Wed, 01 May 2024 10:00:00 GMT", "sha256:ff268e41d615c4ac87489733521d0177" },
        { null, null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_Entry_ReturnsStableIdentity(string? id, string? link, string? title, string? published, string? expected)
    {
        var entry = new FeedEntry { Id = id, Link = link, Title = FeedText.Plain(title), Published = published };

        Assert.Equal(expected, FeedIdentity.Resolve(entry, link, text: null));
    }

    [Fact]
    public void Resolve_HashFallback_DependsOnTitleAndDateOnly()
    {
        var first = new FeedEntry { Title = FeedText.Plain("Title"), Published = "Wed, 01 May 2024 10:00:00 GMT" };
        var otherDate = first with { Published = "Thu, 02 May 2024 10:00:00 GMT" };

        Assert.Equal(FeedIdentity.Resolve(first, null, "text one"), FeedIdentity.Resolve(first, null, "text two"));
        Assert.NotEqual(FeedIdentity.Resolve(first, null, null), FeedIdentity.Resolve(otherDate, null, null));
    }

    [Fact]
    public void Parse_GovUkEntryRepublishedWithNewIdFragment_KeepsPostIdAndReportsUpdate()
    {
        const string feedUrl = FeedGoldenTests.GovUkFeedUrl;
        var before = FeedGolden.Parse("govuk-fcdo.atom", feedUrl);
        var after = FeedGolden.Parse("govuk-fcdo-republished.atom", feedUrl);

        Assert.Equal(before.Select(p => p.PostId), after.Select(p => p.PostId));
        Assert.Equal("https://www.gov.uk/government/news/uk-announces-new-humanitarian-support-for-sudan", after[0].PostId);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(1)), before[0].UpdatedAt);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 8, 15, 0, TimeSpan.FromHours(1)), after[0].UpdatedAt);
        Assert.NotEqual(before[0].Text, after[0].Text);
    }
}
