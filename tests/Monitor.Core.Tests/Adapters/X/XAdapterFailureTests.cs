using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Adapters.X;

public sealed class XAdapterFailureTests : IAsyncLifetime
{
    private const string UserPath = "/2/users/by/username/MFA_Example";
    private const string TimelinePath = "/2/users/2244994945/tweets";
    private AdapterTestHost host = null!;

    public async ValueTask InitializeAsync()
    {
        host = await XAdapterTests.StartHostAsync(XAdapterTests.Token);
        host.Serve(UserPath, "X/user.json");
        host.Serve(TimelinePath, "X/timeline-page2.json");
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    [Fact]
    public async Task FetchAsync_RateLimited_ReturnsResetFromHeaderWithoutRetrying()
    {
        var reset = new DateTimeOffset(2024, 11, 27, 12, 9, 30, TimeSpan.Zero);
        host.Serve(TimelinePath, "X/rate-limit.json", 429,
            ("x-rate-limit-limit", "1500"), ("x-rate-limit-remaining", "0"), ("x-rate-limit-reset", reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var result = await host.FetchAsync(XAdapterTests.Request(firstPoll: true));

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.Equal(reset, result.RetryAfter);
        Assert.True(result.PlatformWide);
        Assert.Equal(429, result.HttpStatus);
        Assert.Single(host.Server.RequestsTo(TimelinePath));
    }

    [Fact]
    public async Task FetchAsync_UsageCapExceeded_PausesXForADay()
    {
        host.Serve(TimelinePath, "X/usage-cap.json", 429, ("x-rate-limit-limit", "40000"), ("x-rate-limit-remaining", "39999"));

        var result = await host.FetchAsync(XAdapterTests.Request(firstPoll: true));

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.True(result.PlatformWide);
        Assert.Equal(AdapterTestHost.Now.AddDays(1), result.RetryAfter);
        Assert.Contains("usage cap", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Single(host.Server.RequestsTo(TimelinePath));
    }

    [Fact]
    public async Task FetchAsync_Unauthorized_ReturnsUnauthorizedWithoutToken()
    {
        host.Serve(UserPath, "X/unauthorized.json", 401);

        var result = await host.FetchAsync(XAdapterTests.Request());

        Assert.Equal(PollStatus.Unauthorized, result.Status);
        Assert.Equal(401, result.HttpStatus);
        Assert.Single(host.Server.Requests);
        Assert.DoesNotContain(XAdapterTests.Token, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_UnknownUser_ReturnsNotFound()
    {
        host.Serve(UserPath, "X/user-not-found.json");

        var result = await host.FetchAsync(XAdapterTests.Request());

        Assert.Equal(PollStatus.NotFound, result.Status);
        Assert.Empty(host.Server.RequestsTo(TimelinePath));
    }

    [Fact]
    public async Task FetchAsync_SuspendedUser_ReturnsSuspended()
    {
        host.Serve(UserPath, "X/user-suspended.json");

        var result = await host.FetchAsync(XAdapterTests.Request());

        Assert.Equal(PollStatus.Suspended, result.Status);
        Assert.Equal("X account @MFA_Example is suspended.", result.Error);
    }

    [Fact]
    public async Task FetchAsync_MalformedBody_ThrowsPayloadFormatException()
    {
        host.Route(TimelinePath, context => AdapterTestHost.Respond(context, 200, "{\"data\": [ {\"id\": \"1\", \"text\": "));

        var ex = await Assert.ThrowsAsync<PayloadFormatException>(() => host.FetchAsync(XAdapterTests.Request(firstPoll: true)));

        Assert.Contains("/2/users/2244994945/tweets", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_PostWithoutId_ThrowsPayloadFormatException()
    {
        host.Route(TimelinePath, context => AdapterTestHost.Respond(context, 200, "{\"data\": [ {\"text\": \"no id\", \"created_at\": \"2024-11-25T09:00:00.000Z\"} ]}"));

        await Assert.ThrowsAsync<PayloadFormatException>(() => host.FetchAsync(XAdapterTests.Request(firstPoll: true)));
    }

    [Fact]
    public async Task FetchAsync_TokenNeverReachesLogsOrErrors()
    {
        await host.FetchAsync(XAdapterTests.Request(firstPoll: true));
        host.Serve(UserPath, "X/unauthorized.json", 401);
        var failed = await host.FetchAsync(XAdapterTests.Request());

        Assert.DoesNotContain(XAdapterTests.Token, failed.Error, StringComparison.Ordinal);
        host.AssertNeverLogged(XAdapterTests.Token);
    }
}

public sealed class XAdapterWithoutTokenTests
{
    [Fact]
    public async Task FetchAsync_NoToken_ReturnsUnauthorizedForADayWithoutRequest()
    {
        await using var host = await XAdapterTests.StartHostAsync(token: null);

        var result = await host.FetchAsync(XAdapterTests.Request());

        Assert.Equal(PollStatus.Unauthorized, result.Status);
        Assert.Equal(AdapterTestHost.Now.AddDays(1), result.RetryAfter);
        Assert.Contains("Monitor:Platforms:X:BearerToken", result.Error, StringComparison.Ordinal);
        Assert.Empty(host.Server.Requests);
        Assert.True(host.Adapter.Capabilities.NeedsCredentials);
    }

    public static TheoryData<string, bool> Handles => new()
    {
        { "@MFA_Example", true },
        { "MFA_Example", true },
        { "a", true },
        { "@exactly15chars_", true },
        { "@sixteen_chars_16", false },
        { "@with-dash", false },
        { "@", false },
        { "https://x.com/MFA", false },
    };

    [Theory]
    [MemberData(nameof(Handles))]
    public async Task ValidateHandle_AcceptsXUsernames(string handle, bool valid)
    {
        await using var host = await XAdapterTests.StartHostAsync(token: null);

        Assert.Equal(valid, host.Adapter.ValidateHandle(handle) is null);
    }
}
