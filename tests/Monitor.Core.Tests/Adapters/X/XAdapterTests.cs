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
        Assert.Equal(new PollCursor(Position: "1861404589421494278", ExternalId: "2244994945"), result.Cursor);
        Assert.Equal(2, host.Logs.GetSnapshot().Count(r => r.Id.Id == 2401));
    }

    [Fact]
    public async Task FetchAsync_Profile_ReadsPublicMetrics()
    {
        var result = await host.FetchAsync(Request(firstPoll: true));

        Assert.Equal(new ProfileCounts(512345, 321, 18765), result.Profile);
    }

    [Fact]
    public async Task FetchAsync_PostCountSpelling_IsAccepted()
    {
        host.Serve(UserPath, "X/user-post-count.json");

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
        Assert.Equal("1861404589421494278", result.Cursor!.Position);
    }

    [Fact]
    public async Task FetchAsync_NothingNew_KeepsCursorPosition()
    {
        host.Serve(TimelinePath, "X/timeline-empty.json");
        var cursor = new PollCursor(Position: "1861404589421494278", ExternalId: "2244994945");

        var result = await host.FetchAsync(Request(cursor));

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Empty(result.Posts);
        Assert.Equal(cursor, result.Cursor);
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
        Assert.Equal(new PostMetrics(Replies: 1, Reposts: 2, Likes: 40, Views: 5300), reply.Metrics);
        Assert.Equal("https://x.com/MFA_Example/status/1861200000000000003", reply.Url);
        Assert.Null(reply.EditedAt);
        Assert.Null(result.Posts.Single(p => p.PostId == "1861000000000000002").Language); // "qme": media only
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

        Assert.Equal(["1860700000000000000"], result.Deletions.Select(d => d.PostId));
        var lookup = Assert.Single(host.Server.RequestsTo("/2/tweets"));
        Assert.Contains("ids=1861400000000000005,1860800000000000000,1860700000000000000", lookup.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_RecentPostsSeenInThisPoll_AreNotLookedUp()
    {
        var result = await host.FetchAsync(Request(firstPoll: true, recent: new KnownPost("1861400000000000005", AdapterTestHost.Now)));

        Assert.Empty(result.Deletions);
        Assert.Empty(host.Server.RequestsTo("/2/tweets"));
    }
}
