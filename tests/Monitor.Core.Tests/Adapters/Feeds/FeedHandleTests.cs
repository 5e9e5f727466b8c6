using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Adapters.Feeds;

public sealed class FeedHandleTests
{
    public static TheoryData<string, string?> Handles => new()
    {
        { "https://www.gov.uk/government/organisations/foreign-commonwealth-development-office.atom", null },
        { "http://127.0.0.1:8080/feed?format=rss", null },
        { "  https://example.org/feed.xml ", null },
        { "example.org/feed.xml", "The handle of an rss account must be the feed's absolute URL, e.g. https://example.org/feed.xml." },
        { "/feed.xml", "The handle of an rss account must be the feed's absolute URL, e.g. https://example.org/feed.xml." },
        { "", "The handle of an rss account must be the feed's absolute URL, e.g. https://example.org/feed.xml." },
        { "ftp://example.org/feed.xml", "The feed URL must use http or https, not 'ftp'." },
        { "file:///etc/passwd", "The feed URL must use http or https, not 'file'." },
        { "https://user:secret@example.org/feed", "The feed URL must not contain a user name or password." },
    };

    [Theory]
    [MemberData(nameof(Handles))]
    public async Task ValidateHandle_Url_AcceptsOnlyAbsoluteHttpUrls(string handle, string? expected)
    {
        await using var services = FeedTestHost.Build();

        Assert.Equal(expected, services.Adapter().ValidateHandle(handle));
    }

    [Fact]
    public async Task FetchAsync_InvalidHandle_FailsWithoutRequest()
    {
        await using var services = FeedTestHost.Build();

        var result = await services.Adapter().FetchAsync(FeedTestHost.Request("file:///etc/passwd"), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Error, result.Status);
        Assert.Equal("The feed URL must use http or https, not 'file'.", result.Error);
    }

    [Fact]
    public async Task Capabilities_DeclareConditionalGetAndEditDetectionOnly()
    {
        await using var services = FeedTestHost.Build();

        Assert.Equal(new AdapterCapabilities(ConditionalGet: true, EditDetection: true), services.Adapter().Capabilities);
    }
}
