using Microsoft.AspNetCore.Http;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Facebook;

public sealed class FacebookAdapterTests
{
    private const string PagePath = "/v23.0/MFAExample";
    private const string PostsPath = "/v23.0/" + FacebookTestHost.PageId + "/posts";

    private static Task TwoPages(AdapterTestHost host, HttpContext context) => context.Request.Path.Value switch
    {
        PagePath => host.Json(context, "page.json"),
        PostsPath when context.Request.Query["after"] == "QVFIUnBfPAGE2CURSOR" => host.Json(context, "posts-page2.json"),
        PostsPath => host.Json(context, "posts-page1.json"),
        _ => FacebookTestHost.Write(context, "{}", 404),
    };

    [Fact]
    public async Task FetchAsync_TwoPages_MapsPostsProfileAndCursor()
    {
        await using var host = await FacebookTestHost.StartAsync(TwoPages);

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(5, result.Posts.Count);
        var first = result.Posts[0];
        Assert.Equal("112233445566778_990000000000003", first.PostId);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero), first.PublishedAt);
        Assert.Equal("https://www.facebook.com/112233445566778/posts/990000000000003", first.Url);
        Assert.Equal("The Minister met her counterpart today to discuss maritime security.", first.Text);
        Assert.Equal(new PostMetrics(Reposts: 42), first.Metrics);
        Assert.Equal(PostKind.Post, first.Kind);
        Assert.Null(first.UpdatedAt);
        Assert.Equal(["https://scontent.xx.fbcdn.net/v/photo-1.jpg", "https://video.xx.fbcdn.net/v/video-2.mp4"], first.Media);
        Assert.Empty(result.Posts[1].Media);
        Assert.Equal(["https://external.xx.fbcdn.net/emg1/v/summit-link-preview.jpg"], result.Posts[2].Media);
        Assert.Equal(new ProfileCounts(Followers: 161870), result.Profile);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(), result.Cursor!.Position);
        Assert.Equal(FacebookTestHost.PageId, result.Cursor.ExternalId);
        Assert.Empty(result.Deletions);
    }

    [Fact]
    public async Task FetchAsync_Requests_SendTokenAsBearerHeaderAndNeverInUrls()
    {
        await using var host = await FacebookTestHost.StartAsync(TwoPages);

        await host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken);

        var requests = host.Server.Requests.ToArray();
        Assert.Equal(3, requests.Length);
        Assert.All(requests, r => Assert.Equal("Bearer " + FacebookTestHost.Token, r.Header("Authorization")));
        Assert.All(requests, r => Assert.DoesNotContain("access_token", r.Query, StringComparison.OrdinalIgnoreCase));
        Assert.Equal("?fields=id,name,username,fan_count,followers_count", Uri.UnescapeDataString(requests[0].Query));
        Assert.Contains("after=QVFIUnBfPAGE2CURSOR", requests[2].Query, StringComparison.Ordinal);
        Assert.Contains("limit=3", requests[2].Query, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("112233445566778_990000000000002", PostKind.Repost)]
    [InlineData("112233445566778_990000000000001", PostKind.Quote)]
    [InlineData("112233445566778_989999999999999", PostKind.Post)]
    [InlineData("112233445566778_990000000000000", PostKind.Post)]
    public async Task FetchAsync_SharedStories_MapToDocumentedKinds(string postId, PostKind expected)
    {
        await using var host = await FacebookTestHost.StartAsync(TwoPages);

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(expected, Assert.Single(result.Posts, p => p.PostId == postId).Kind);
    }

    [Fact]
    public async Task FetchAsync_UpdatedTimeAfterCreation_IsReportedAsUpdatedAt()
    {
        await using var host = await FacebookTestHost.StartAsync(TwoPages);

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken);

        var edited = Assert.Single(result.Posts, p => p.PostId == "112233445566778_990000000000002");
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 18, 2, 55, TimeSpan.Zero), edited.UpdatedAt);
        Assert.Null(edited.EditedAt);
    }

    [Fact]
    public async Task FetchAsync_BurstLargerThanAPage_PagesUntilSinceIsExhausted()
    {
        var newest = new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.Zero);
        await using var host = await FacebookTestHost.StartAsync(GraphPages.Serve(newest, total: 250));
        var cursor = new PollCursor(Position: newest.AddHours(-300).ToUnixTimeSeconds().ToString());

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(cursor), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(250, result.Posts.Select(p => p.PostId).Distinct().Count());
        var lists = host.Server.RequestsTo(PostsPath);
        Assert.Equal(3, lists.Count);
        Assert.Contains("since=" + (newest.AddHours(-300).ToUnixTimeSeconds() - 1), lists[0].Query, StringComparison.Ordinal);
        Assert.Equal(newest.ToUnixTimeSeconds().ToString(), result.Cursor!.Position);
    }

    [Fact]
    public async Task FetchAsync_FirstPoll_BackfillsFromBackfillSinceUpToThePageCap()
    {
        var newest = new DateTimeOffset(2026, 11, 21, 11, 0, 0, TimeSpan.Zero);
        var since = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var host = await FacebookTestHost.StartAsync(GraphPages.Serve(newest, total: 10_000),
            extra: new Dictionary<string, string?> { ["Monitor:Platforms:Facebook:MaxBackfillPages"] = "3" });

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(firstPoll: true, backfillSince: since),
            TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(300, result.Posts.Count);
        var lists = host.Server.RequestsTo(PostsPath);
        Assert.Equal(3, lists.Count);
        Assert.Contains("since=" + since.ToUnixTimeSeconds(), lists[0].Query, StringComparison.Ordinal);
        Assert.Equal(3, host.Logs.GetSnapshot().Count(r => r.Id.Id == 2501));
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2502);
        Assert.Empty(result.Deletions);
    }

    [Fact]
    public async Task FetchAsync_StoredPostMissingFromCompleteListing_IsDeleted()
    {
        await using var host = await FacebookTestHost.StartAsync(TwoPages);
        var recent = new KnownPost[]
        {
            new("112233445566778_990000000000003", new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero)),
            new("112233445566778_990000000000099", new DateTimeOffset(2026, 11, 19, 12, 0, 0, TimeSpan.Zero)),
            new("112233445566778_989999999999999", new DateTimeOffset(2026, 11, 17, 7, 5, 0, TimeSpan.Zero)),
        };
        var cursor = new PollCursor(Position: new DateTimeOffset(2026, 11, 20, 9, 15, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString());

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(cursor, recent: recent), TestContext.Current.CancellationToken);

        Assert.Equal(["112233445566778_990000000000099"], result.Deletions.Select(d => d.PostId));
        var since = new DateTimeOffset(2026, 11, 17, 7, 5, 0, TimeSpan.Zero).ToUnixTimeSeconds() - 1;
        Assert.Contains("since=" + since, host.Server.RequestsTo(PostsPath)[0].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ListingCutByPageCap_ReportsNoDeletions()
    {
        await using var host = await FacebookTestHost.StartAsync(TwoPages,
            extra: new Dictionary<string, string?> { ["Monitor:Platforms:Facebook:MaxPagesPerPoll"] = "1" });
        var recent = new KnownPost[] { new("112233445566778_990000000000099", new DateTimeOffset(2026, 11, 19, 12, 0, 0, TimeSpan.Zero)) };

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(recent: recent), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(3, result.Posts.Count);
        Assert.Empty(result.Deletions);
    }
}
