using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Adapters.YouTube;

/// <summary>The key's presence decides what the adapter can do, and the key itself never shows.</summary>
public sealed class YouTubeAdapterKeyTests
{
    [Fact]
    public async Task FetchAsync_WithoutKey_ReadsFeedOnly()
    {
        await using var host = await YouTubeAdapterTests.StartHostAsync(apiKey: null);
        YouTubeAdapterTests.ServeChannel(host);

        var result = await host.FetchAsync(YouTubeAdapterTests.Request(firstPoll: true));

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(["vid3AAAAAAA", "vid2AAAAAAA"], result.Posts.Select(p => p.PostId));
        Assert.Null(result.Profile);
        Assert.Single(host.Server.Requests);
        Assert.Equal(new AdapterCapabilities(ConditionalGet: true, EditDetection: true), host.Adapter.Capabilities);
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Id.Id == 2304);
    }

    [Fact]
    public async Task FetchAsync_WithoutKeyAfterBurst_WarnsThatVideosMayBeMissed()
    {
        await using var host = await YouTubeAdapterTests.StartHostAsync(apiKey: null);
        YouTubeAdapterTests.ServeChannel(host);

        var result = await host.FetchAsync(YouTubeAdapterTests.Request(cursor: new PollCursor(Position: "vid0AAAAAAA"),
            recent: new KnownPost("vid0AAAAAAA", new DateTimeOffset(2024, 10, 1, 8, 0, 0, TimeSpan.Zero))));

        Assert.Equal(2, result.Posts.Count);
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2304);
    }

    [Fact]
    public async Task FetchAsync_AtHandleWithoutKey_ExplainsWithoutRequest()
    {
        await using var host = await YouTubeAdapterTests.StartHostAsync(apiKey: null);

        var result = await host.FetchAsync(YouTubeAdapterTests.Request("@MFAExample"));

        Assert.Equal(PollStatus.Error, result.Status);
        Assert.Equal("@MFAExample needs Monitor:Platforms:YouTube:ApiKey to be resolved, or use the UC channel id as the handle.", result.Error);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_KeyNeverReachesLogsOrErrors_EvenAcrossRetries()
    {
        await using var host = await YouTubeAdapterTests.StartHostAsync(YouTubeAdapterTests.ApiKey, realTime: true);
        YouTubeAdapterTests.ServeChannel(host);
        var attempts = 0;
        host.Route(YouTubeAdapterTests.ChannelsPath, context => Interlocked.Increment(ref attempts) == 1
            ? AdapterTestHost.Respond(context, 503, "{}")
            : AdapterTestHost.Send(context, "YouTube/channels-statistics.json"));

        var ok = await host.FetchAsync(YouTubeAdapterTests.Request(firstPoll: true));
        host.Serve(YouTubeAdapterTests.ChannelsPath, "YouTube/quota-exceeded.json", 403);
        var limited = await host.FetchAsync(YouTubeAdapterTests.Request());

        Assert.Equal(PollStatus.Ok, ok.Status);
        Assert.Equal(2, attempts);
        Assert.Contains("key=" + YouTubeAdapterTests.ApiKey, host.Server.RequestsTo(YouTubeAdapterTests.ChannelsPath)[0].Query, StringComparison.Ordinal);
        Assert.DoesNotContain(YouTubeAdapterTests.ApiKey, limited.Error, StringComparison.Ordinal);
        host.AssertNeverLogged(YouTubeAdapterTests.ApiKey);
    }

    public static TheoryData<string, bool> Handles => new()
    {
        { "UCabcdefghijklmnopqrstuv", true },
        { "UC_x5XG1OV2P6uZZ5FSM9Ttw", true },
        { "@MFAExample", true },
        { "@ministère.affaires-étrangères", true },
        { "UCshort", false },
        { "MFAExample", false },
        { "@ab", false },
        { "https://www.youtube.com/@MFAExample", false },
    };

    [Theory]
    [MemberData(nameof(Handles))]
    public async Task ValidateHandle_AcceptsChannelIdsAndHandles(string handle, bool valid)
    {
        await using var host = await YouTubeAdapterTests.StartHostAsync(apiKey: null);

        Assert.Equal(valid, host.Adapter.ValidateHandle(handle) is null);
    }
}
