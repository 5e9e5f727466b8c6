using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Adapters.X;

public sealed class XAdapterTests : IAsyncLifetime
{
    internal const string Token = "AAAAAAAAAAAAAAAAAAAAAMonitorTestBearer0123456789secret";
    private const string UserPath = "/2/users/by/username/MFA_Example";
    private const string TimelinePath = "/2/users/2244994945/tweets";
    private const string NextToken = "7140dibdnow9c7btw3z2vwioavpvutgzrzm9icis4ndix";
    private AdapterTestHost host = null!;

    public async ValueTask InitializeAsync()
    {
        host = await StartHostAsync(Token);
        host.Serve(UserPath, "X/user.json");
        host.Route(TimelinePath, context => AdapterTestHost.Send(context,
            context.Request.Query["pagination_token"] == NextToken ? "X/timeline-page2.json" : "X/timeline-page1.json"));
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    internal static Task<AdapterTestHost> StartHostAsync(string? token) =>
        AdapterTestHost.StartAsync(Platforms.X, baseUrl => new Dictionary<string, string?>
        {
            ["Monitor:Platforms:X:BaseUrl"] = baseUrl,
            ["Monitor:Platforms:X:BearerToken"] = token,
        });

    internal static FetchRequest Request(PollCursor? cursor = null, bool firstPoll = false, DateTimeOffset? since = null, params KnownPost[] recent) =>
        AdapterTestHost.Request(Platforms.X, "@MFA_Example", cursor, firstPoll, since, recent);

    [Fact]
    public async Task FetchAsync_FirstPoll_BackfillsAllPagesFromStartTime()
    {
        var result = await host.FetchAsync(Request(firstPoll: true, since: new DateTimeOffset(2024, 11, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(5, result.Posts.Count);
        var calls = host.Server.RequestsTo(TimelinePath);
        Assert.Equal(2, calls.Count);
        Assert.Contains("start_time=2024-11-01T00:00:00Z", calls[0].Query, StringComparison.Ordinal);
        Assert.DoesNotContain("since_id", calls[0].Query, StringComparison.Ordinal);
        Assert.Contains("max_results=100", calls[0].Query, StringComparison.Ordinal);
        Assert.Contains("pagination_token=" + NextToken, calls[1].Query, StringComparison.Ordinal);
        Assert.Equal("Bearer " + Token, calls[0].Header("Authorization"));
        Assert.Equal("2244994945", result.Cursor!.ExternalId);
        Assert.Equal("1861404589421494278", Newest(result.Cursor));
        Assert.Equal(new AccountIdentity("2244994945", "MFA_Example"), result.Identity);
        Assert.Equal(2, host.Logs.GetSnapshot().Count(r => r.Id.Id == 2401));
    }

    [Fact]
    public async Task FetchAsync_Profile_ReadsPublicMetricsOfTheTimelinesAuthorExpansion()
    {
        var result = await host.FetchAsync(Request(firstPoll: true));

        Assert.Equal(new ProfileCounts(512350, 321, 18770) { CreatedAt = new DateTimeOffset(2013, 12, 14, 4, 35, 55, TimeSpan.Zero) }, result.Profile);
        Assert.All(host.Server.RequestsTo(TimelinePath), c => Assert.Contains("expansions=author_id,attachments.media_keys&user.fields=public_metrics,username,created_at", c.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_PostCountSpelling_IsAccepted()
    {
        host.Serve(UserPath, "X/user-post-count.json");
        host.Serve(TimelinePath, "X/timeline-empty.json");

        var result = await host.FetchAsync(Request(firstPoll: true));

        Assert.Equal(new ProfileCounts(512346, 322, 18766), result.Profile);
    }

    [Fact]
    public async Task FetchAsync_Burst_PagesDownToSinceId()
    {
        var cursor = new PollCursor(Position: "1860800000000000000", ExternalId: "2244994945");

        var result = await host.FetchAsync(Request(cursor));

        var calls = host.Server.RequestsTo(TimelinePath);
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Contains("since_id=1860800000000000000", c.Query, StringComparison.Ordinal));
        Assert.DoesNotContain("start_time", calls[0].Query, StringComparison.Ordinal);
        Assert.Equal(5, result.Posts.Count);
        Assert.Equal("1861404589421494278", Newest(result.Cursor!));
        Assert.Empty(host.Server.RequestsTo(UserPath));
    }

    [Fact]
    public async Task FetchAsync_NothingNew_KeepsCursorPosition()
    {
        host.Serve(TimelinePath, "X/timeline-empty.json");
        var cursor = new PollCursor(Position: "1861404589421494278", ExternalId: "2244994945");

        var result = await host.FetchAsync(Request(cursor));

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Empty(result.Posts);
        Assert.Equal("2244994945", result.Cursor!.ExternalId);
        Assert.Equal("1861404589421494278", Newest(result.Cursor));
    }

    [Fact]
    public async Task FetchAsync_ReferencedPosts_MapToKinds()
    {
        var result = await host.FetchAsync(Request(firstPoll: true));

        var kinds = result.Posts.ToDictionary(p => p.PostId, p => p.Kind);
        Assert.Equal(PostKind.Post, kinds["1861400000000000005"]);
        Assert.Equal(PostKind.Repost, kinds["1861300000000000004"]);
        Assert.Equal(PostKind.Reply, kinds["1861200000000000003"]);
        Assert.Equal(PostKind.Quote, kinds["1861000000000000002"]);
        Assert.Equal(PostKind.Post, kinds["1860900000000000001"]);
    }

    [Fact]
    public async Task FetchAsync_Post_MapsTextLanguageMetricsAndUrl()
    {
        var result = await host.FetchAsync(Request(firstPoll: true));

        var reply = result.Posts.Single(p => p.PostId == "1861200000000000003");
        Assert.Equal("@Embassy_Example Thank you for the warm welcome.", reply.Text);
        Assert.Equal("en", reply.Language);
        Assert.Equal(new DateTimeOffset(2024, 11, 25, 16, 30, 0, TimeSpan.Zero), reply.PublishedAt);
        Assert.Equal(new PostMetrics(Replies: 1, Reposts: 2, Likes: 40, Views: 5300) { Quotes = 0 }, reply.Metrics);
        Assert.Equal(12, result.Posts.Single(p => p.Text!.StartsWith("Statement on the ceasefire", StringComparison.Ordinal)).Metrics!.Quotes);
        Assert.Equal("https://x.com/MFA_Example/status/1861200000000000003", reply.Url);
        Assert.Null(reply.EditedAt);
        Assert.Null(result.Posts.Single(p => p.PostId == "1861000000000000002").Language); // "qme": media only
        // attachments.media_keys resolved in includes.media: the photo's url, the video's highest-bit-rate MP4.
        Assert.Equal(
            ["https://pbs.twimg.com/media/GdPhoto1.jpg", "https://video.twimg.com/ext_tw_video/11/pu/vid/1280x720/high.mp4"],
            result.Posts.Single(p => p.PostId == "1861000000000000002").Media);
        Assert.Empty(reply.Media);
        Assert.Equal("fr", result.Posts.Single(p => p.PostId == "1860900000000000001").Language);
    }

    [Fact]
    public async Task FetchAsync_EditedPost_KeepsOriginalIdentityAndSetsEditedAt()
    {
        var result = await host.FetchAsync(Request(firstPoll: true));

        var edited = result.Posts.Single(p => p.PostId == "1861400000000000005");
        Assert.Equal(new DateTimeOffset(2024, 11, 26, 13, 40, 12, TimeSpan.Zero), edited.EditedAt);
        Assert.Equal(DateTimeOffset.Parse("2024-11-26T13:21:57.796Z", System.Globalization.CultureInfo.InvariantCulture), edited.PublishedAt);
        Assert.Equal("https://x.com/MFA_Example/status/1861404589421494278", edited.Url);
        Assert.Equal("Statement on the ceasefire talks & next steps https://t.co/abc123", edited.Text);
    }

    [Fact]
    public async Task FetchAsync_DeletionChecks_AreOffByDefault()
    {
        host.Serve(TimelinePath, "X/timeline-empty.json");
        var cursor = new PollCursor(Position: "1861404589421494278", ExternalId: "2244994945");

        var result = await host.FetchAsync(Request(cursor, recent: new KnownPost("1860700000000000000", AdapterTestHost.Now)));

        Assert.Empty(result.Deletions);
        Assert.Empty(host.Server.RequestsTo("/2/tweets"));
        Assert.False(host.Adapter.Capabilities.DeletionDetection);
    }

    /// <summary>The Position cursor's newest id (it is a small JSON token).</summary>
    internal static string? Newest(PollCursor cursor)
    {
        using var json = System.Text.Json.JsonDocument.Parse(cursor.Position!);
        return json.RootElement.TryGetProperty("newest", out var newest) ? newest.GetString() : null;
    }
}

public sealed class XDeletionCheckTests : IAsyncLifetime
{
    private const string TimelinePath = "/2/users/2244994945/tweets";
    private AdapterTestHost host = null!;

    public async ValueTask InitializeAsync()
    {
        host = await AdapterTestHost.StartAsync(Platforms.X, baseUrl => new Dictionary<string, string?>
        {
            ["Monitor:Platforms:X:BaseUrl"] = baseUrl,
            ["Monitor:Platforms:X:BearerToken"] = XAdapterTests.Token,
            ["Monitor:Platforms:X:CheckDeletions"] = "true",
            ["Monitor:Platforms:X:DeletionLookupsPerDay"] = "4",
        });
        host.Serve(TimelinePath, "X/timeline-empty.json");
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private static FetchRequest Request(PollCursor? cursor = null, bool firstPoll = false, params KnownPost[] recent) =>
        XAdapterTests.Request(cursor ?? new PollCursor(Position: "1861404589421494278", ExternalId: "2244994945"), firstPoll, null, recent);

    [Fact]
    public async Task FetchAsync_RecentPostsMissingOnX_AreReportedDeleted()
    {
        host.Serve("/2/tweets", "X/lookup-deleted.json");
        var cursor = new PollCursor(Position: "1861404589421494278", ExternalId: "2244994945");
        host.Serve(TimelinePath, "X/timeline-empty.json");
        var recent = new[]
        {
            new KnownPost("1861400000000000005", AdapterTestHost.Now),
            new KnownPost("1860800000000000000", AdapterTestHost.Now),
            new KnownPost("1860700000000000000", AdapterTestHost.Now),
        };

        var result = await host.FetchAsync(Request(cursor, recent: recent));

        Assert.Equal([new PostDeletion("1860700000000000000", DeletionEvidence.NotFound)], result.Deletions);
        var lookup = Assert.Single(host.Server.RequestsTo("/2/tweets"));
        Assert.Contains("ids=1861400000000000005,1860800000000000000,1860700000000000000", lookup.Query, StringComparison.Ordinal);
        // The post X still returns is present: it comes back with the poll (which resets its absence count).
        Assert.Equal("Still here.", Assert.Single(result.Posts).Text);
    }

    [Fact]
    public async Task FetchAsync_AuthorizationError_IsNotADeletion()
    {
        host.Serve("/2/tweets", "X/lookup-hidden.json");

        var result = await host.FetchAsync(Request(recent: new KnownPost("1860600000000000000", AdapterTestHost.Now)));

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Empty(result.Deletions);
        Assert.Single(host.Server.RequestsTo("/2/tweets"));
    }

    [Fact]
    public async Task FetchAsync_DailyLookupBudget_IsSpentAcrossPollsAndRenewedNextDay()
    {
        host.Serve("/2/tweets", "X/lookup-deleted.json");
        var recent = Enumerable.Range(1, 3).Select(i => new KnownPost($"18606000000000000{i:00}", AdapterTestHost.Now)).ToArray();

        var first = await host.FetchAsync(Request(recent: recent));
        var second = await host.FetchAsync(Request(first.Cursor, recent: recent));
        var third = await host.FetchAsync(Request(second.Cursor, recent: recent));
        host.Time.Advance(TimeSpan.FromHours(12));
        await host.FetchAsync(Request(third.Cursor, recent: recent));

        var lookups = host.Server.RequestsTo("/2/tweets");
        Assert.Equal(3, lookups.Count);
        Assert.Contains("ids=1860600000000000001,1860600000000000002,1860600000000000003&", lookups[0].Query, StringComparison.Ordinal);
        Assert.Contains("ids=1860600000000000001&", lookups[1].Query, StringComparison.Ordinal); // 4 a day: 3 + 1
        Assert.Contains("ids=1860600000000000001,1860600000000000002,1860600000000000003&", lookups[2].Query, StringComparison.Ordinal); // a new UTC day
    }

    [Fact]
    public async Task FetchAsync_RecentPostsSeenInThisPoll_AreNotLookedUp()
    {
        host.Serve("/2/users/by/username/MFA_Example", "X/user.json");
        host.Serve(TimelinePath, "X/timeline-page2.json");

        var result = await host.FetchAsync(Request(PollCursor.Empty, firstPoll: true, new KnownPost("1861000000000000002", AdapterTestHost.Now)));

        Assert.Empty(result.Deletions);
        Assert.Empty(host.Server.RequestsTo("/2/tweets"));
    }
}
