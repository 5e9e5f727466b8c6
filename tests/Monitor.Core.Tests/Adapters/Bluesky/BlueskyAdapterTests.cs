using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Posts;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Bluesky;

public sealed class BlueskyAdapterTests : IAsyncLifetime
{
    private const string Did = BlueskyFakeAppView.Did;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly BlueskyFakeAppView appView = new();
    private LoopbackServer server = null!;
    private ServiceProvider services = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        server = await LoopbackServer.StartAsync(appView.HandleAsync);
        services = Build();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await server.DisposeAsync();
    }

    private ServiceProvider Build(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Platforms:Bluesky:BaseUrl"] = server.BaseUrl.ToString(),
            ["Monitor:Http:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Monitor:Http:Resilience:RetryMaxDelay"] = "00:00:00.020",
        };
        foreach (var (key, value) in extra)
        {
            settings["Monitor:Platforms:Bluesky:" + key] = value;
        }

        // Only the adapter graph is under test; the poll cycle's storage ports may not be registered here.
        return MonitorTestServices.Build(settings);
    }

    private Task<FetchResult> FetchAsync(PollCursor cursor, bool firstPoll = false, DateTimeOffset? since = null,
        IReadOnlyList<KnownPost>? recent = null, string handle = "@fcdo.bsky.social", ServiceProvider? provider = null)
    {
        var adapter = (provider ?? services).GetRequiredService<AdapterRegistry>().Get(Platforms.Bluesky);
        var account = new TrackedAccount("gbr-fcdo", Platforms.Bluesky, handle, "GBR", ActorType.ForeignMinistry);
        return adapter.FetchAsync(new FetchRequest(account, cursor, firstPoll, since, recent ?? []), Ct);
    }

    private static PollCursor After(int n) => new(Position: BlueskyFakeAppView.PostUri(n), ExternalId: Did);

    private IReadOnlyList<RecordedRequest> FeedRequests() => server.RequestsTo("/xrpc/app.bsky.feed.getAuthorFeed");

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);

    [Fact]
    public async Task FetchAsync_FirstPoll_MapsKindsSkipsPinAndFillsProfile()
    {
        appView.AddFixture("feed-kinds.json");

        var result = await FetchAsync(PollCursor.Empty, firstPoll: true);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(new ProfileCounts(61234, 87, 1452) { CreatedAt = new DateTimeOffset(2024, 11, 13, 9, 0, 0, TimeSpan.Zero) }, result.Profile);
        var repostId = $"at://{Did}/app.bsky.feed.repost/3lbz3repost22";
        Assert.Equal(new PollCursor(Position: repostId, ExternalId: Did), result.Cursor);
        Assert.Equal(
            [PostKind.Repost, PostKind.Quote, PostKind.Quote, PostKind.Post, PostKind.Reply, PostKind.Post, PostKind.Post],
            result.Posts.Select(p => p.Kind));

        var repost = result.Posts[0];
        Assert.Equal(repostId, repost.PostId);
        Assert.Equal(At("2026-11-27T16:30:00Z"), repost.PublishedAt);
        Assert.Equal("Council adopts sanctions package.", repost.Text);
        Assert.Equal("https://bsky.app/profile/eucouncil.bsky.social/post/3lbz2xyzxyz2b", repost.Url);
        Assert.Equal(new PostMetrics(30, 210, 800) { Quotes = 14 }, repost.Metrics);

        var root = result.Posts[5];
        Assert.Equal($"at://{Did}/app.bsky.feed.post/3lbz2thread222", root.PostId);
        Assert.Equal("https://bsky.app/profile/fcdo.bsky.social/post/3lbz2thread222", root.Url);
        Assert.Equal(At("2026-11-27T12:29:00Z"), root.PublishedAt);
        Assert.Equal("en", root.Language);
        Assert.Equal("fcdo.bsky.social", root.Author);
        Assert.Null(result.Posts[3].Language);
        Assert.Single(result.Posts, p => p.PostId.EndsWith("/3lbcaaaaaaa2a", StringComparison.Ordinal));

        // Media from the AppView's embed views: the post's own images (not the quoted post's), a video's playlist and thumbnail.
        var media = result.Posts.ToDictionary(p => p.PostId[(p.PostId.LastIndexOf('/') + 1)..], p => p.Media);
        Assert.Equal([$"https://cdn.bsky.app/img/feed_fullsize/plain/{Did}/bafkreiimage@jpeg"], media["3lbz2quotemd2"]);
        Assert.Equal(
            [
                "https://video.bsky.app/watch/did%3Aplc%3Afcdo4kq2yq7m3hnxwzj5tb6a/bafkreivideo/playlist.m3u8",
                "https://video.bsky.app/watch/did%3Aplc%3Afcdo4kq2yq7m3hnxwzj5tb6a/bafkreivideo/thumbnail.jpg",
            ],
            media["3lbcaaaaaaa2a"]);
        Assert.Empty(media["3lbz2quote222"]);

        Assert.Equal("?actor=fcdo.bsky.social", Assert.Single(server.RequestsTo("/xrpc/app.bsky.actor.getProfile")).Query);
        Assert.Equal($"?actor={Uri.EscapeDataString(Did)}&limit=100&filter=posts_with_replies", Assert.Single(FeedRequests()).Query);
    }

    [Fact]
    public async Task FetchAsync_StoredDid_IsUsedInsteadOfHandle()
    {
        appView.AddGenerated(3, Start);

        await FetchAsync(After(2), handle: "old-handle.bsky.social");

        Assert.Equal($"?actor={Uri.EscapeDataString(Did)}", Assert.Single(server.RequestsTo("/xrpc/app.bsky.actor.getProfile")).Query);
    }

    [Fact]
    public async Task FetchAsync_BurstOfMoreThanOnePage_PagesBackToKnownPostWithoutGap()
    {
        appView.AddGenerated(300, Start);

        var result = await FetchAsync(After(69));

        Assert.Equal(Enumerable.Range(70, 230).Reverse().Select(BlueskyFakeAppView.PostUri), result.Posts.Select(p => p.PostId));
        Assert.Equal(BlueskyFakeAppView.PostUri(299), result.Cursor!.Position);
        Assert.Equal(3, FeedRequests().Count);
        Assert.EndsWith("&cursor=200", FeedRequests()[2].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NothingNew_KeepsCursorAndReadsOnePage()
    {
        appView.AddGenerated(10, Start);

        var result = await FetchAsync(After(9), recent: [new KnownPost(BlueskyFakeAppView.PostUri(9), Start.AddHours(9))]);

        // The only post returned is the known one, re-read by the deletion check.
        Assert.Equal([BlueskyFakeAppView.PostUri(9)], result.Posts.Select(p => p.PostId));
        Assert.Empty(result.Deletions);
        Assert.Equal(After(9), result.Cursor);
        Assert.Single(FeedRequests());
    }

    [Fact]
    public async Task FetchAsync_FirstPoll_BackfillsBackToBackfillSince()
    {
        appView.AddGenerated(300, Start);

        var result = await FetchAsync(PollCursor.Empty, firstPoll: true, since: Start.AddHours(150));

        Assert.Equal(150, result.Posts.Count);
        Assert.Equal(BlueskyFakeAppView.PostUri(150), result.Posts[^1].PostId);
        Assert.Equal(2, FeedRequests().Count);
    }

    [Fact]
    public async Task FetchAsync_FirstPoll_StopsAtPageCapAndLogsProgress()
    {
        appView.AddGenerated(300, Start);
        await using var capped = Build(("MaxBackfillPages", "2"));

        var result = await FetchAsync(PollCursor.Empty, firstPoll: true, provider: capped);

        Assert.Equal(200, result.Posts.Count);
        Assert.Equal(2, FeedRequests().Count);
        var logs = capped.GetFakeLogCollector().GetSnapshot();
        Assert.Equal(2, logs.Count(r => r.Id.Id == 2200));
        Assert.Contains(logs, r => r.Id.Id == 2202);
    }

    [Fact]
    public async Task FetchAsync_RecentPostMissingFromGetPosts_IsReportedDeleted()
    {
        appView.AddGenerated(5, Start);
        KnownPost[] recent =
        [
            new(BlueskyFakeAppView.PostUri(4), Start), new(BlueskyFakeAppView.PostUri(77), Start),
            new($"at://{Did}/app.bsky.feed.repost/3lbzrepost222", Start), new(BlueskyFakeAppView.PostUri(3), Start),
        ];

        var result = await FetchAsync(After(4), recent: recent);

        // Missing from getPosts, then getPostThread answers NotFound: positive evidence.
        Assert.Equal([new PostDeletion(BlueskyFakeAppView.PostUri(77), DeletionEvidence.NotFound)], result.Deletions);
        var lookup = Assert.Single(server.RequestsTo("/xrpc/app.bsky.feed.getPosts"));
        Assert.Equal(3, lookup.Query.Split("uris=").Length - 1);
        Assert.Contains(result.Posts, p => p.PostId == BlueskyFakeAppView.PostUri(3));
        var thread = Assert.Single(server.RequestsTo("/xrpc/app.bsky.feed.getPostThread"));
        Assert.Contains("depth=0", thread.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_NotFoundPostThread_IsPositiveEvidenceAndAThreadFound_IsPresent()
    {
        appView.AddGenerated(5, Start);
        appView.Tombstoned.Add(BlueskyFakeAppView.PostUri(78));
        // getPosts leaves out post 2 (an AppView hiccup); its thread is there, so it is present, not deleted.
        appView.Intercept = async context =>
        {
            if (context.Request.Path != "/xrpc/app.bsky.feed.getPosts") return false;
            await BlueskyFakeAppView.WriteAsync(context, 200, """{"posts":[]}""");
            return true;
        };

        var result = await FetchAsync(After(4), recent: [new(BlueskyFakeAppView.PostUri(78), Start)]);
        appView.Intercept = null;
        var present = await FetchAsync(After(4), recent: [new(BlueskyFakeAppView.PostUri(2), Start)], provider: Build(("DeletionChecksPerPoll", "1")));

        Assert.Equal([new PostDeletion(BlueskyFakeAppView.PostUri(78), DeletionEvidence.NotFound)], result.Deletions);
        Assert.Empty(present.Deletions);
        Assert.Contains(present.Posts, p => p.PostId == BlueskyFakeAppView.PostUri(2));
    }

    [Fact]
    public async Task FetchAsync_MissingBeyondThreadChecks_IsOnlyAbsent()
    {
        appView.AddGenerated(5, Start);
        using var provider = Build(("ThreadChecksPerPoll", "0"));

        var result = await FetchAsync(After(4), recent: [new(BlueskyFakeAppView.PostUri(77), Start)], provider: provider);

        Assert.Equal([new PostDeletion(BlueskyFakeAppView.PostUri(77), DeletionEvidence.Absent)], result.Deletions);
        Assert.Empty(server.RequestsTo("/xrpc/app.bsky.feed.getPostThread"));
    }

    [Fact]
    public async Task FetchAsync_RecordedDidUnderANewHandle_IsARenameThatIsFollowed()
    {
        appView.AddGenerated(2, Start);
        appView.Intercept = async context =>
        {
            if (context.Request.Path != "/xrpc/app.bsky.actor.getProfile") return false;
            Assert.Equal(Did, context.Request.Query["actor"]);
            await BlueskyFakeAppView.WriteAsync(context, 200, Fixtures.ReadText("Bluesky/profile.json").Replace("\"fcdo.bsky.social\"", "\"fcdo.gov.uk\"", StringComparison.Ordinal));
            return true;
        };

        var result = await FetchAsync(After(1));

        Assert.Equal(PollStatus.Renamed, result.Status);
        Assert.Equal(new AccountIdentity(Did, "fcdo.gov.uk"), result.Identity);
        Assert.Contains("fcdo.gov.uk", result.Error, StringComparison.Ordinal);
        Assert.Equal(Did, result.Cursor!.ExternalId);
    }

    [Fact]
    public async Task FetchAsync_RecordedDidGoneAndHandleNamingAnotherDid_IsAnIdentityChange()
    {
        appView.Intercept = async context =>
        {
            if (context.Request.Path != "/xrpc/app.bsky.actor.getProfile") return false;
            var body = context.Request.Query["actor"] == Did
                ? """{"error":"InvalidRequest","message":"Profile not found"}"""
                : Fixtures.ReadText("Bluesky/profile.json").Replace(Did, "did:plc:someoneelse000000000000", StringComparison.Ordinal);
            await BlueskyFakeAppView.WriteAsync(context, context.Request.Query["actor"] == Did ? 400 : 200, body);
            return true;
        };

        var result = await FetchAsync(After(1));

        Assert.Equal(PollStatus.IdentityChanged, result.Status);
        Assert.Equal("did:plc:someoneelse000000000000", result.Identity!.StableId);
        Assert.Empty(FeedRequests());
    }

    [Fact]
    public async Task VerifyAsync_IsOneProfileCallByTheRecordedDid()
    {
        var adapter = services.GetRequiredService<AdapterRegistry>().Get(Platforms.Bluesky);
        var account = new TrackedAccount("gbr-fcdo", Platforms.Bluesky, "@fcdo.bsky.social", "GBR", ActorType.ForeignMinistry);

        var result = await adapter.VerifyAsync(account, After(1), Ct);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(new AccountIdentity(Did, BlueskyFakeAppView.Handle), result.Identity);
        var call = Assert.Single(server.Requests);
        Assert.Contains("actor=" + Uri.EscapeDataString(Did), call.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_TooManyRequests_ReturnsPlatformWideRateLimitWithoutRetrying()
    {
        appView.Intercept = async context =>
        {
            context.Response.Headers["RateLimit-Limit"] = "3000";
            context.Response.Headers["RateLimit-Remaining"] = "0";
            context.Response.Headers["RateLimit-Reset"] = "1795867500";
            await BlueskyFakeAppView.WriteAsync(context, 429, """{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}""");
            return true;
        };

        var result = await FetchAsync(After(1));

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795867500), result.RetryAfter);
        Assert.True(result.PlatformWide);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task FetchAsync_RateLimitUsedUpBeforeKnownPost_ReturnsRateLimitedAndKeepsCursor()
    {
        appView.AddGenerated(300, Start);
        appView.Intercept = context =>
        {
            context.Response.Headers["RateLimit-Remaining"] = context.Request.Query.ContainsKey("cursor") ? "0" : "10";
            context.Response.Headers["RateLimit-Reset"] = "1795867500";
            return Task.FromResult(false);
        };

        var result = await FetchAsync(After(9));

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.Empty(result.Posts);
        Assert.Null(result.Cursor);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795867500), result.RetryAfter);
        Assert.Equal(2, FeedRequests().Count);
    }

    public static TheoryData<int, string, PollStatus, string> Failures => new()
    {
        { 400, """{"error":"InvalidRequest","message":"Profile not found"}""", PollStatus.NotFound, "Profile not found" },
        { 400, """{"error":"AccountTakedown","message":"Account has been suspended"}""", PollStatus.Suspended, "taken down" },
        { 400, """{"error":"AccountDeactivated","message":"Account is deactivated"}""", PollStatus.Suspended, "Deactivated" },
        { 401, """{"error":"AuthMissing","message":"Authentication Required"}""", PollStatus.Unauthorized, "AuthMissing" },
        { 403, "", PollStatus.Unauthorized, "403" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task FetchAsync_ProfileFails_MapsXrpcError(int code, string body, PollStatus expected, string errorPart)
    {
        appView.Intercept = async context =>
        {
            await BlueskyFakeAppView.WriteAsync(context, code, body);
            return true;
        };

        var result = await FetchAsync(PollCursor.Empty, firstPoll: true);

        Assert.Equal(expected, result.Status);
        Assert.Equal(code, result.HttpStatus);
        Assert.Contains(errorPart, result.Error!, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task FetchAsync_UnknownActor_ReturnsNotFound()
    {
        var result = await FetchAsync(PollCursor.Empty, handle: "nobody.bsky.social");

        Assert.Equal(PollStatus.NotFound, result.Status);
        Assert.Empty(FeedRequests());
    }

    [Theory]
    [InlineData("""{"feed":[{"post":{"uri":"at://x""")]
    [InlineData("""{"cursor":"1"}""")]
    [InlineData("""{"feed":[{"post":{"uri":"not-an-at-uri","record":{"text":"x","createdAt":"2026-11-27T12:00:00Z"}}}]}""")]
    [InlineData("""{"feed":[{"post":{"uri":"at://did:plc:a/app.bsky.feed.post/1","record":{"text":"x","createdAt":"soon"}}}]}""")]
    [InlineData("""{"feed":[{"post":{"uri":"at://did:plc:a/app.bsky.feed.post/1","record":{"text":"x"}},"reason":{"$type":"app.bsky.feed.defs#reasonRepost"}}]}""")]
    public async Task FetchAsync_MalformedFeed_ThrowsPayloadFormatException(string body)
    {
        appView.Intercept = async context =>
        {
            if (context.Request.Path != "/xrpc/app.bsky.feed.getAuthorFeed")
            {
                return false;
            }

            await BlueskyFakeAppView.WriteAsync(context, 200, body);
            return true;
        };

        await Assert.ThrowsAsync<PayloadFormatException>(() => FetchAsync(PollCursor.Empty, firstPoll: true));
    }

    [Fact]
    public async Task FetchAsync_SendsNoCredentials()
    {
        appView.AddGenerated(2, Start);

        await FetchAsync(PollCursor.Empty, firstPoll: true);

        Assert.All(server.Requests, r => Assert.Null(r.Header("Authorization")));
    }
}
