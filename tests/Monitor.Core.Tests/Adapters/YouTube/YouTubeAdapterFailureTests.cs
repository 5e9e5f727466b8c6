using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Adapters.YouTube;

public sealed class YouTubeAdapterFailureTests : IAsyncLifetime
{
    private AdapterTestHost host = null!;

    public async ValueTask InitializeAsync()
    {
        host = await YouTubeAdapterTests.StartHostAsync(YouTubeAdapterTests.ApiKey);
        YouTubeAdapterTests.ServeChannel(host);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task FetchAsync_QuotaExceeded_PausesYouTubeUntilMidnightPacific()
    {
        host.Serve(YouTubeAdapterTests.ChannelsPath, "YouTube/quota-exceeded.json", 403);

        var result = await host.FetchAsync(YouTubeAdapterTests.Request());

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.True(result.PlatformWide);
        // Now is 2024-11-27 04:00 PST; the quota resets at the next Pacific midnight.
        Assert.Equal(new DateTimeOffset(2024, 11, 28, 8, 0, 0, TimeSpan.Zero), result.RetryAfter);
        Assert.Single(host.Server.Requests);
    }

    [Theory]
    [InlineData("YouTube/forbidden.json", 403)]
    [InlineData("YouTube/key-invalid.json", 400)]
    public async Task FetchAsync_KeyRefused_ReturnsUnauthorized(string fixture, int status)
    {
        host.Serve(YouTubeAdapterTests.ChannelsPath, fixture, status);

        var result = await host.FetchAsync(YouTubeAdapterTests.Request());

        Assert.Equal(PollStatus.Unauthorized, result.Status);
        Assert.Equal(status, result.HttpStatus);
        Assert.DoesNotContain(YouTubeAdapterTests.ApiKey, result.Error, StringComparison.Ordinal);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_UnknownChannelFeed_ReturnsNotFound()
    {
        host.Route(YouTubeAdapterTests.FeedPath, context => AdapterTestHost.Respond(context, 404, "<html>Not Found</html>", "text/html"));

        var result = await host.FetchAsync(YouTubeAdapterTests.Request());

        Assert.Equal(PollStatus.NotFound, result.Status);
        Assert.Equal(404, result.HttpStatus);
    }

    [Fact]
    public async Task FetchAsync_UnknownHandle_ReturnsNotFound()
    {
        host.Serve(YouTubeAdapterTests.ChannelsPath, "YouTube/channels-none.json");

        var result = await host.FetchAsync(YouTubeAdapterTests.Request("@NoSuchMinistry"));

        Assert.Equal(PollStatus.NotFound, result.Status);
        Assert.Empty(host.Server.RequestsTo(YouTubeAdapterTests.FeedPath));
    }

    [Theory]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>cut")]
    [InlineData("<!DOCTYPE feed [<!ENTITY x \"boom\">]><feed xmlns=\"http://www.w3.org/2005/Atom\"/>")]
    [InlineData("<rss version=\"2.0\"><channel/></rss>")]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>no id</title></entry></feed>")]
    public async Task FetchAsync_MalformedFeed_ThrowsPayloadFormatException(string body)
    {
        host.Route(YouTubeAdapterTests.FeedPath, context => AdapterTestHost.Respond(context, 200, body, "application/atom+xml"));

        await Assert.ThrowsAsync<PayloadFormatException>(() => host.FetchAsync(YouTubeAdapterTests.Request()));
    }

    [Fact]
    public async Task FetchAsync_MalformedApiBody_ThrowsPayloadFormatExceptionWithoutKey()
    {
        host.Route(YouTubeAdapterTests.ChannelsPath, context => AdapterTestHost.Respond(context, 200, "{\"items\": [ {\"statistics\": "));

        var ex = await Assert.ThrowsAsync<PayloadFormatException>(() => host.FetchAsync(YouTubeAdapterTests.Request()));

        Assert.Contains("/youtube/v3/channels", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(YouTubeAdapterTests.ApiKey, ex.Message, StringComparison.Ordinal);
    }
}
