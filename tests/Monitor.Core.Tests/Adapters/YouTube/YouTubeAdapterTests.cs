using Microsoft.AspNetCore.Http;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Adapters.YouTube;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Adapters.YouTube;

public sealed class YouTubeAdapterTests : IAsyncLifetime
{
    internal const string ApiKey = "AIzaSyMonitorTestKey_0123456789abcdefgh";
    internal const string ChannelId = "UCabcdefghijklmnopqrstuv";
    internal const string FeedPath = "/feeds/videos.xml";
    internal const string ChannelsPath = "/youtube/v3/channels";
    internal const string UploadsPath = "/youtube/v3/playlistItems";
    internal const string VideosPath = "/youtube/v3/videos";
    private static readonly DateTimeOffset ChannelCreated = new(2009, 3, 25, 14, 5, 12, TimeSpan.Zero);
    private AdapterTestHost host = null!;

    public async ValueTask InitializeAsync()
    {
        host = await StartHostAsync(ApiKey);
        ServeChannel(host);
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    internal static Task<AdapterTestHost> StartHostAsync(string? apiKey, bool realTime = false) =>
        AdapterTestHost.StartAsync(Platforms.YouTube, baseUrl => new Dictionary<string, string?>
        {
            ["Monitor:Platforms:YouTube:BaseUrl"] = baseUrl,
            ["Monitor:Platforms:YouTube:ApiBaseUrl"] = baseUrl + "/youtube/v3",
            ["Monitor:Platforms:YouTube:ApiKey"] = apiKey,
        }, realTime);

    /// <summary>Feed, channel statistics and two pages of uploads.</summary>
    internal static void ServeChannel(AdapterTestHost host)
    {
        host.Serve(FeedPath, "YouTube/feed.xml");
        host.Route(ChannelsPath, context => AdapterTestHost.Send(context,
            context.Request.Query.ContainsKey("forHandle") ? "YouTube/channels-for-handle.json" : "YouTube/channels-statistics.json"));
        host.Route(UploadsPath, context => AdapterTestHost.Send(context,
            context.Request.Query["pageToken"] == "EAAaBlBUOkNESQ" ? "YouTube/uploads-page2.json" : "YouTube/uploads-page1.json"));
    }

    internal static FetchRequest Request(string handle = ChannelId, PollCursor? cursor = null, bool firstPoll = false, DateTimeOffset? since = null, params KnownPost[] recent) =>
        AdapterTestHost.Request(Platforms.YouTube, handle, cursor, firstPoll, since, recent);

    private static KnownPost Known(string id, string published) =>
        new(id, DateTimeOffset.Parse(published, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task FetchAsync_FirstPoll_BackfillsUploadsToBackfillSince()
    {
        var result = await host.FetchAsync(Request(firstPoll: true, since: new DateTimeOffset(2024, 11, 15, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(["vid1AAAAAAA", "vid2AAAAAAA", "vid3AAAAAAA"], result.Posts.Select(p => p.PostId).Order(StringComparer.Ordinal));
        var pages = host.Server.RequestsTo(UploadsPath);
        Assert.Equal(2, pages.Count);
        Assert.Contains("playlistId=UUabcdefghijklmnopqrstuv", pages[0].Query, StringComparison.Ordinal);
        Assert.Contains("maxResults=50", pages[0].Query, StringComparison.Ordinal);
        Assert.Contains("pageToken=EAAaBlBUOkNESQ", pages[1].Query, StringComparison.Ordinal);
        Assert.Equal(2, host.Logs.GetSnapshot().Count(r => r.Id.Id == 2301));
        Assert.Equal(new PollCursor(Position: "vid3AAAAAAA", ExternalId: ChannelId), result.Cursor);
        // Videos in the feed too take the feed entry's thumbnail.
        Assert.Equal(["https://i2.ytimg.com/vi/vid2AAAAAAA/hqdefault.jpg"], result.Posts.Single(p => p.PostId == "vid2AAAAAAA").Media);
    }

    [Fact]
    public void Map_PlaylistItem_TakesTheLargestThumbnailGiven()
    {
        var thumbnails = new YouTubeThumbnails(
            Default: new YouTubeThumbnail("https://i.ytimg.com/vi/v/default.jpg"), High: new YouTubeThumbnail("https://i.ytimg.com/vi/v/hqdefault.jpg"),
            Standard: new YouTubeThumbnail("https://i.ytimg.com/vi/v/sddefault.jpg"));
        var item = new YouTubePlaylistItem(
            new YouTubePlaylistSnippet(Title: "T", Thumbnails: thumbnails), new YouTubePlaylistContent("v", AdapterTestHost.Now));

        Assert.Equal(["https://i.ytimg.com/vi/v/sddefault.jpg"], YouTubePostMapper.Map(item)!.Media);
        Assert.Equal(["https://i.ytimg.com/vi/v/hqdefault.jpg"], YouTubePostMapper.Map(item with { Snippet = item.Snippet! with { Thumbnails = thumbnails with { Standard = null } } })!.Media);
    }

    [Fact]
    public async Task FetchAsync_FeedEntry_MapsVideoWithViewsAndLikes()
    {
        var result = await host.FetchAsync(Request(firstPoll: true, since: AdapterTestHost.Now.AddDays(-2)));

        var video = result.Posts.Single(p => p.PostId == "vid3AAAAAAA");
        Assert.Equal("https://www.youtube.com/watch?v=vid3AAAAAAA", video.Url);
        Assert.Equal("Press briefing, 26 November", video.Title);
        Assert.Equal("The spokesperson answers questions on the summit & the ceasefire.\nFull transcript on our website.", video.Text);
        Assert.Equal(new DateTimeOffset(2024, 11, 26, 10, 0, 0, TimeSpan.Zero), video.PublishedAt);
        Assert.Equal(new DateTimeOffset(2024, 11, 26, 18, 30, 0, TimeSpan.Zero), video.UpdatedAt);
        Assert.Equal(new PostMetrics(Likes: 412, Views: 15230), video.Metrics);
        Assert.Equal(PostKind.Post, video.Kind);
        Assert.Equal("Ministry of Foreign Affairs", video.Author);
        Assert.Equal(["https://i1.ytimg.com/vi/vid3AAAAAAA/hqdefault.jpg"], video.Media);
    }

    [Fact]
    public async Task FetchAsync_UploadsItem_UsesVideoPublishedAt()
    {
        var result = await host.FetchAsync(Request(firstPoll: true, since: new DateTimeOffset(2024, 11, 15, 0, 0, 0, TimeSpan.Zero)));

        var video = result.Posts.Single(p => p.PostId == "vid1AAAAAAA");
        Assert.Equal(new DateTimeOffset(2024, 11, 20, 8, 0, 0, TimeSpan.Zero), video.PublishedAt);
        Assert.Equal("National Day reception", video.Title);
        Assert.Null(video.Metrics);
    }

    [Fact]
    public async Task FetchAsync_Profile_ReadsSubscribersAndVideoCountStrings()
    {
        var result = await host.FetchAsync(Request(cursor: new PollCursor(Position: "vid3AAAAAAA"), recent: Known("vid3AAAAAAA", "2024-11-26T10:00:00Z")));

        Assert.Equal(new ProfileCounts(Followers: 231000, PostsTotal: 2874) { CreatedAt = ChannelCreated }, result.Profile);
        Assert.Empty(host.Server.RequestsTo(UploadsPath));
    }

    [Fact]
    public async Task FetchAsync_BurstBeyondFeed_CatchesUpThroughUploadsToNewestKnown()
    {
        var result = await host.FetchAsync(Request(cursor: new PollCursor(Position: "vid0AAAAAAA", ExternalId: ChannelId), recent: Known("vid0AAAAAAA", "2024-10-01T08:00:00Z")));

        Assert.Equal(["vid1AAAAAAA", "vid2AAAAAAA", "vid3AAAAAAA"], result.Posts.Select(p => p.PostId).Order(StringComparer.Ordinal));
        Assert.Equal(2, host.Server.RequestsTo(UploadsPath).Count);
        Assert.Equal("vid3AAAAAAA", result.Cursor!.Position);
    }

    [Fact]
    public async Task FetchAsync_AtHandle_ResolvesOnceThenUsesCursor()
    {
        var first = await host.FetchAsync(Request("@MFAExample", cursor: new PollCursor(Position: "vid2AAAAAAA"), recent: Known("vid2AAAAAAA", "2024-11-25T14:00:00Z")));
        var second = await host.FetchAsync(Request("@MFAExample", cursor: first.Cursor, recent: Known("vid3AAAAAAA", "2024-11-26T10:00:00Z")));

        Assert.Equal(ChannelId, first.Cursor!.ExternalId);
        Assert.Equal(PollStatus.Ok, second.Status);
        var lookups = host.Server.RequestsTo(ChannelsPath).Where(r => r.Query.Contains("forHandle=%40MFAExample", StringComparison.Ordinal));
        Assert.Single(lookups);
        Assert.All(host.Server.RequestsTo(FeedPath), r => Assert.Equal("?channel_id=" + ChannelId, r.Query));
    }

    [Fact]
    public async Task FetchAsync_RecentVideosMissingFromApi_AreReportedDeleted()
    {
        host.Serve(VideosPath, "YouTube/videos.json");

        var result = await host.FetchAsync(Request(cursor: new PollCursor(Position: "vid3AAAAAAA"),
            recent: [Known("vid3AAAAAAA", "2024-11-26T10:00:00Z"), Known("vid1AAAAAAA", "2024-11-20T08:00:00Z"), Known("goneAAAAAAA", "2024-11-19T08:00:00Z")]));

        // videos.list leaves out deleted and private videos alike: absence, confirmed only by repetition.
        Assert.Equal([new PostDeletion("goneAAAAAAA", DeletionEvidence.Absent)], result.Deletions);
        var check = Assert.Single(host.Server.RequestsTo(VideosPath));
        Assert.Contains("part=snippet,statistics&id=vid1AAAAAAA,goneAAAAAAA&", check.Query, StringComparison.Ordinal);
        var present = Assert.Single(result.Posts, p => p.PostId == "vid1AAAAAAA");
        Assert.Equal(new PostMetrics(Likes: 33, Views: 1520), present.Metrics);
    }

    [Fact]
    public async Task FetchAsync_UnchangedFeed_SendsValidatorsAndReturnsNotModified()
    {
        host.Route(FeedPath, context => context.Request.Headers.IfNoneMatch == "\"feed-v1\""
            ? AdapterTestHost.Respond(context, StatusCodes.Status304NotModified, string.Empty)
            : AdapterTestHost.Send(context, "YouTube/feed.xml", 200, ("ETag", "\"feed-v1\"")));

        var first = await host.FetchAsync(Request(cursor: new PollCursor(Position: "vid3AAAAAAA"), recent: Known("vid3AAAAAAA", "2024-11-26T10:00:00Z")));
        var second = await host.FetchAsync(Request(cursor: first.Cursor, recent: Known("vid3AAAAAAA", "2024-11-26T10:00:00Z")));

        Assert.Equal("\"feed-v1\"", first.Cursor!.ETag);
        Assert.Equal(PollStatus.NotModified, second.Status);
        Assert.Empty(second.Posts);
        Assert.Equal(new ProfileCounts(Followers: 231000, PostsTotal: 2874) { CreatedAt = ChannelCreated }, second.Profile);
    }

    [Fact]
    public void Capabilities_WithKey_IncludeProfileCountsAndDeletions()
    {
        Assert.Equal(new AdapterCapabilities(NeedsCredentials: false, IncrementalCursor: true, ConditionalGet: true,
            ProfileCounts: true, EditDetection: true, DeletionDetection: true), host.Adapter.Capabilities);
    }

    [Fact]
    public async Task FetchAsync_RecordedChannelUnderANewHandle_IsARenameThatIsFollowed()
    {
        var result = await host.FetchAsync(Request("@MFAOld", new PollCursor(ExternalId: ChannelId)));

        Assert.Equal(PollStatus.Renamed, result.Status);
        Assert.Equal(new AccountIdentity(ChannelId, "@mfaexample"), result.Identity);
        Assert.DoesNotContain(host.Server.RequestsTo(ChannelsPath), r => r.Query.Contains("forHandle", StringComparison.Ordinal));
        Assert.NotEmpty(result.Posts);
    }

    [Fact]
    public async Task FetchAsync_RecordedChannelGoneAndHandleOnAnotherChannel_IsAnIdentityChange()
    {
        host.Route(ChannelsPath, context => context.Request.Query.ContainsKey("forHandle")
            ? AdapterTestHost.Respond(context, 200, """{"items":[{"id":"UCzzzzzzzzzzzzzzzzzzzzzz"}]}""")
            : AdapterTestHost.Send(context, "YouTube/channels-none.json"));

        var result = await host.FetchAsync(Request("@MFAExample", new PollCursor(ExternalId: ChannelId)));

        Assert.Equal(PollStatus.IdentityChanged, result.Status);
        Assert.Equal("UCzzzzzzzzzzzzzzzzzzzzzz", result.Identity!.StableId);
        Assert.Empty(host.Server.RequestsTo(FeedPath));
    }

    [Fact]
    public async Task VerifyAsync_WithKey_IsOneChannelsCall()
    {
        var result = await host.Adapter.VerifyAsync(Request().Account, PollCursor.Empty, TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(new ProfileCounts(Followers: 231000, PostsTotal: 2874) { CreatedAt = ChannelCreated }, result.Profile);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task VerifyAsync_WithoutKey_IsOneFeedRequest()
    {
        await using var keyless = await StartHostAsync(apiKey: null);
        keyless.Serve(FeedPath, "YouTube/feed.xml", 404);

        var result = await keyless.Adapter.VerifyAsync(Request().Account, PollCursor.Empty, TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.NotFound, result.Status);
        Assert.Single(keyless.Server.Requests);
    }
}
