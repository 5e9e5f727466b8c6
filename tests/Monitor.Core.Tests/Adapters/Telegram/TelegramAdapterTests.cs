using Microsoft.AspNetCore.Http;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Telegram;

public sealed class TelegramAdapterTests
{
    private static Task Fixture(HttpContext context) => context.Request.Path.Value == "/s/mfa_example"
        ? TelegramTestHost.Html(context, Fixtures.ReadText("Telegram/channel-page.html"))
        : TelegramTestHost.Html(context, "not here", 404);

    private static Task Generated(HttpContext context, long newestId) =>
        TelegramTestHost.Html(context, PreviewPages.Page(newestId,
            long.TryParse(context.Request.Query["before"].FirstOrDefault(), out var before) ? before : null));

    [Fact]
    public async Task FetchAsync_PreviewPage_MapsMessagesProfileAndCursor()
    {
        await using var host = await TelegramTestHost.StartAsync(Fixture);

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request(position: "1205"), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(["1202", "1203", "1204", "1205", "1206"], result.Posts.Select(p => p.PostId).Order());
        var post = Assert.Single(result.Posts, p => p.PostId == "1202");
        Assert.Equal(PostKind.Post, post.Kind);
        Assert.Equal("The Minister met the Ambassador of Chile today.\n\nTopics: trade & climate 🌍", post.Text);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 9, 24, 1, TimeSpan.Zero), post.PublishedAt);
        Assert.Equal("https://t.me/mfa_example/1202", post.Url);
        Assert.Equal(new PostMetrics(Views: 4850), post.Metrics);
        Assert.Equal(new ProfileCounts(Followers: 12300), result.Profile);
        Assert.Equal("1206", result.Cursor!.Position);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_ForwardsRepliesAndMediaOnlyMessages_MapToKindsAndText()
    {
        await using var host = await TelegramTestHost.StartAsync(Fixture);

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request(position: "1205"), TestContext.Current.CancellationToken);

        var forwarded = Assert.Single(result.Posts, p => p.PostId == "1203");
        Assert.Equal(PostKind.Repost, forwarded.Kind);
        Assert.Equal(987, forwarded.Metrics!.Views);
        var reply = Assert.Single(result.Posts, p => p.PostId == "1204");
        Assert.Equal(PostKind.Reply, reply.Kind);
        Assert.Equal("Photos from the meeting are now online.", reply.Text);
        Assert.Equal("Press Office", reply.Author);
        Assert.Equal(1_200_000, reply.Metrics!.Views);
        var photo = Assert.Single(result.Posts, p => p.PostId == "1206");
        Assert.Null(photo.Text);
        Assert.Equal(2300, photo.Metrics!.Views);
        // The photo's background image and the video's file, not the video's still.
        Assert.Equal(["https://cdn4.example.invalid/file/photo.jpg", "https://cdn4.example.invalid/file/video.mp4"], photo.Media);
        Assert.Empty(reply.Media);
    }

    [Fact]
    public async Task FetchAsync_EditedMarker_KeepsTheNewTextWithoutInventingAnEditTime()
    {
        await using var host = await TelegramTestHost.StartAsync(Fixture);

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request(position: "1205"), TestContext.Current.CancellationToken);

        var edited = Assert.Single(result.Posts, p => p.PostId == "1205");
        Assert.Equal("Statement on the summit: we welcome the agreement.", edited.Text);
        Assert.Null(edited.EditedAt);
        Assert.Null(edited.UpdatedAt);
    }

    [Fact]
    public async Task FetchAsync_BurstLargerThanAPage_PagesBackToTheStoredNewestId()
    {
        await using var host = await TelegramTestHost.StartAsync(context => Generated(context, newestId: 150));

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request(position: "100"), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        var ids = result.Posts.Select(p => long.Parse(p.PostId)).ToHashSet();
        Assert.True(Enumerable.Range(101, 50).All(id => ids.Contains(id)));
        Assert.Equal(["", "?before=131", "?before=111"], host.Server.Requests.Select(r => r.Query));
        Assert.Equal("150", result.Cursor!.Position);
        Assert.Equal(new ProfileCounts(Followers: 987), result.Profile);
    }

    [Fact]
    public async Task FetchAsync_FirstPoll_BackfillsToBackfillSinceAndLogsProgress()
    {
        await using var host = await TelegramTestHost.StartAsync(context => Generated(context, newestId: 500));
        var since = PreviewPages.Epoch.AddHours(455);

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request(firstPoll: true, backfillSince: since),
            TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(455, 46).Select(i => i.ToString()), result.Posts.Select(p => p.PostId).Order(StringComparer.Ordinal));
        Assert.Equal(3, host.Server.Requests.Count);
        Assert.Equal(3, host.Logs.GetSnapshot().Count(r => r.Id.Id == 2600));
    }

    [Fact]
    public async Task FetchAsync_FirstPollWithoutBackfillSince_StopsAtThePageCap()
    {
        await using var host = await TelegramTestHost.StartAsync(context => Generated(context, newestId: 500),
            new Dictionary<string, string?> { ["Monitor:Platforms:Telegram:MaxBackfillPages"] = "2" });

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request(firstPoll: true), TestContext.Current.CancellationToken);

        Assert.Equal(40, result.Posts.Count);
        Assert.Equal(2, host.Server.Requests.Count);
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2601);
    }

    [Fact]
    public async Task FetchAsync_WithoutCursor_StopsAtAStoredPost()
    {
        await using var host = await TelegramTestHost.StartAsync(context => Generated(context, newestId: 150));
        var recent = new KnownPost[] { new("125", PreviewPages.Epoch.AddHours(125)) };

        var result = await host.Adapter.FetchAsync(TelegramTestHost.Request(recent: recent), TestContext.Current.CancellationToken);

        Assert.Equal(2, host.Server.Requests.Count);
        Assert.Equal(40, result.Posts.Count);
    }

    [Fact]
    public async Task VerifyAsync_IsOnePreviewRequest()
    {
        await using var host = await TelegramTestHost.StartAsync(Fixture);

        var result = await host.Adapter.VerifyAsync(TelegramTestHost.Request().Account, PollCursor.Empty, TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(12300, result.Profile!.Followers);
        Assert.Null(result.Identity); // the preview exposes no channel id
        Assert.Single(host.Server.Requests);
    }
}
