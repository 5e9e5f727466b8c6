using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Adapters.X;

/// <summary>The X cursor: kept user id, gaps a burst leaves (closed later, never skipped), profile refreshes.</summary>
public sealed class XAdapterCursorTests : IAsyncLifetime
{
    private const string TimelinePath = "/2/users/2244994945/tweets";
    private const string UserByIdPath = "/2/users/2244994945";
    private const string NextToken = "7140dibdnow9c7btw3z2vwioavpvutgzrzm9icis4ndix";
    private static readonly PollCursor Known = new(Position: "1860800000000000000", ExternalId: "2244994945");
    private AdapterTestHost host = null!;

    public async ValueTask InitializeAsync()
    {
        host = await AdapterTestHost.StartAsync(Platforms.X, baseUrl => new Dictionary<string, string?>
        {
            ["Monitor:Platforms:X:BaseUrl"] = baseUrl,
            ["Monitor:Platforms:X:BearerToken"] = XAdapterTests.Token,
            ["Monitor:Platforms:X:MaxPagesPerPoll"] = "1",
        });
        host.Serve(UserByIdPath, "X/user.json");
        // Page 1 of the burst, then page 2 (the burst's oldest posts) only for its next_token or an until_id below page 1.
        host.Route(TimelinePath, context =>
        {
            var query = context.Request.Query;
            var older = query["pagination_token"] == NextToken || query["until_id"] == "1861200000000000003";
            return AdapterTestHost.Send(context, older ? "X/timeline-page2.json" : "X/timeline-page1.json");
        });
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task FetchAsync_BurstBeyondPageCap_LeavesAGapTheNextPollCloses()
    {
        var first = await host.FetchAsync(XAdapterTests.Request(Known));

        Assert.Equal(3, first.Posts.Count);
        Assert.Contains("\"gaps\":[{\"since\":\"1860800000000000000\",\"until\":\"1861200000000000003\"}]", first.Cursor!.Position, StringComparison.Ordinal);
        Assert.Equal("1861404589421494278", XAdapterTests.Newest(first.Cursor));

        // Nothing newer now: the fresh read is complete, so the poll spends a page on the gap.
        host.Route(TimelinePath, context => context.Request.Query.ContainsKey("until_id")
            ? AdapterTestHost.Send(context, "X/timeline-page2.json")
            : AdapterTestHost.Send(context, "X/timeline-empty.json"));
        var second = await host.FetchAsync(XAdapterTests.Request(first.Cursor));

        Assert.Equal(["1861000000000000002", "1860900000000000001"], second.Posts.Select(p => p.PostId));
        var gapRead = host.Server.RequestsTo(TimelinePath)[^1];
        Assert.Contains("since_id=1860800000000000000&until_id=1861200000000000003", gapRead.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("gaps", second.Cursor!.Position, StringComparison.Ordinal);
        Assert.Equal("1861404589421494278", XAdapterTests.Newest(second.Cursor));
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 2406);
    }

    [Fact]
    public async Task FetchAsync_GapReadRateLimited_KeepsTheGapAndDefersX()
    {
        var first = await host.FetchAsync(XAdapterTests.Request(Known));
        var reset = AdapterTestHost.Now.AddMinutes(9);
        host.Route(TimelinePath, context => context.Request.Query.ContainsKey("until_id")
            ? AdapterTestHost.Send(context, "X/rate-limit.json", 429, ("x-rate-limit-reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)))
            : AdapterTestHost.Send(context, "X/timeline-empty.json"));

        var second = await host.FetchAsync(XAdapterTests.Request(first.Cursor));

        Assert.Equal(PollStatus.Ok, second.Status);
        Assert.Equal(reset, second.RetryAfter);
        Assert.True(second.PlatformWide);
        Assert.Contains("\"until\":\"1861200000000000003\"", second.Cursor!.Position, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_KnownUserId_NeedsNoUserLookupAndRefreshesCountsOnlyAfterTheInterval()
    {
        host.Serve(TimelinePath, "X/timeline-empty.json");

        var first = await host.FetchAsync(XAdapterTests.Request(Known));
        host.Time.Advance(TimeSpan.FromHours(5));
        var second = await host.FetchAsync(XAdapterTests.Request(first.Cursor));
        host.Time.Advance(TimeSpan.FromHours(1));
        var third = await host.FetchAsync(XAdapterTests.Request(second.Cursor));

        Assert.Equal(new ProfileCounts(512345, 321, 18765) { CreatedAt = new DateTimeOffset(2013, 12, 14, 4, 35, 55, TimeSpan.Zero) }, first.Profile);
        Assert.Null(second.Profile);
        Assert.Equal(new ProfileCounts(512345, 321, 18765) { CreatedAt = new DateTimeOffset(2013, 12, 14, 4, 35, 55, TimeSpan.Zero) }, third.Profile);
        Assert.Equal(2, host.Server.RequestsTo(UserByIdPath).Count);
        Assert.Empty(host.Server.RequestsTo("/2/users/by/username/MFA_Example"));
        Assert.Equal(PollStatus.Ok, second.Status); // the username from the last refresh keeps the rename check steady
    }

    [Fact]
    public async Task FetchAsync_ListedByUserId_NeverLooksUpAUsername()
    {
        var result = await host.FetchAsync(AdapterTestHost.Request(Platforms.X, "id:2244994945", firstPoll: true));

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal("2244994945", result.Cursor!.ExternalId);
        Assert.Equal("https://x.com/MFA_Example/status/1861200000000000003", result.Posts.Single(p => p.PostId == "1861200000000000003").Url);
        Assert.Empty(host.Server.RequestsTo("/2/users/by/username/MFA_Example"));
        Assert.Null(host.Adapter.ValidateHandle("id:2244994945"));
        Assert.NotNull(host.Adapter.ValidateHandle("id:22x"));
    }

    [Fact]
    public async Task FetchAsync_KnownIdUnderANewUsername_IsARenameThatIsFollowed()
    {
        host.Serve(TimelinePath, "X/timeline-empty.json");
        host.Serve(UserByIdPath, "X/user-renamed.json");

        var result = await host.FetchAsync(XAdapterTests.Request(Known));

        Assert.Equal(PollStatus.Renamed, result.Status);
        Assert.True(result.Status.IsSuccess());
        Assert.Equal(new AccountIdentity("2244994945", "MFA_Renamed"), result.Identity);
        Assert.Contains("@MFA_Example", result.Error, StringComparison.Ordinal);
        Assert.Contains("MFA_Renamed", result.Error, StringComparison.Ordinal);
        Assert.Equal("2244994945", result.Cursor!.ExternalId);
    }

    [Fact]
    public async Task FetchAsync_RecordedUserGoneAndHandleTakenByAnother_IsAnIdentityChange()
    {
        host.Serve(TimelinePath, "X/timeline-user-not-found.json");
        host.Serve("/2/users/by/username/MFA_Example", "X/user-other.json");

        var result = await host.FetchAsync(XAdapterTests.Request(Known));

        Assert.Equal(PollStatus.IdentityChanged, result.Status);
        Assert.Equal(new AccountIdentity("1999999999999", "MFA_Example"), result.Identity);
        Assert.Contains("accounts confirm acc-1", result.Error, StringComparison.Ordinal);
        Assert.Empty(result.Posts);
        Assert.Null(result.Cursor);
    }

    [Fact]
    public async Task FetchAsync_RecordedUserGoneAndHandleFree_IsNotFound()
    {
        host.Serve(TimelinePath, "X/timeline-user-not-found.json");
        host.Serve("/2/users/by/username/MFA_Example", "X/user-not-found.json");

        var result = await host.FetchAsync(XAdapterTests.Request(Known));

        Assert.Equal(PollStatus.NotFound, result.Status);
    }

    [Theory]
    [InlineData("X/user.json", PollStatus.Ok)]
    [InlineData("X/user-renamed.json", PollStatus.Renamed)]
    [InlineData("X/user-suspended.json", PollStatus.Suspended)]
    public async Task VerifyAsync_ByRecordedId_IsOneUserLookup(string fixture, PollStatus expected)
    {
        host.Serve(UserByIdPath, fixture);

        var result = await host.Adapter.VerifyAsync(XAdapterTests.Request(Known).Account, Known, TestContext.Current.CancellationToken);

        Assert.Equal(expected, result.Status);
        Assert.Single(host.Server.Requests);
        Assert.Empty(result.Posts);
    }

    [Fact]
    public async Task VerifyAsync_FirstContact_ResolvesTheUsername()
    {
        host.Serve("/2/users/by/username/MFA_Example", "X/user.json");

        var result = await host.Adapter.VerifyAsync(XAdapterTests.Request().Account, PollCursor.Empty, TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Ok, result.Status);
        Assert.Equal(new AccountIdentity("2244994945", "MFA_Example"), result.Identity);
    }
}
