using Microsoft.AspNetCore.Http;
using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Adapters.Facebook;

public sealed class FacebookAdapterFailureTests
{
    private static Func<AdapterTestHost, HttpContext, Task> PageFails(string fixture, int status, Action<HttpContext>? headers = null) =>
        (host, context) =>
        {
            headers?.Invoke(context);
            return host.Json(context, fixture, status);
        };

    [Fact]
    public async Task FetchAsync_AppLevelThrottle_IsPlatformWideRateLimitUntilRegainTime()
    {
        const string usage = """{"112233445566778":[{"type":"pages","call_count":100,"total_cputime":12,"total_time":20,"estimated_time_to_regain_access":17}]}""";
        await using var host = await FacebookTestHost.StartAsync(PageFails("error-throttled-app.json", 400,
            context => context.Response.Headers["X-Business-Use-Case-Usage"] = usage));

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.True(result.PlatformWide);
        Assert.Equal(host.Time.GetUtcNow().AddMinutes(17), result.RetryAfter);
        Assert.Equal(400, result.HttpStatus);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_PageLevelThrottleWithoutUsageHeader_WaitsTheFallbackForThisAccountOnly()
    {
        await using var host = await FacebookTestHost.StartAsync(PageFails("error-throttled-page.json", 403));

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.RateLimited, result.Status);
        Assert.False(result.PlatformWide);
        Assert.Equal(host.Time.GetUtcNow().AddMinutes(30), result.RetryAfter);
        Assert.Single(host.Server.Requests);
        Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2503);
    }

    [Fact]
    public async Task FetchAsync_InvalidToken_IsUnauthorized()
    {
        await using var host = await FacebookTestHost.StartAsync(PageFails("error-invalid-token.json", 400));

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Unauthorized, result.Status);
        Assert.StartsWith("Graph API error 190/463: Error validating access token", result.Error, StringComparison.Ordinal);
        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_NoToken_IsUnauthorizedForADayWithoutAnyRequest()
    {
        await using var host = await FacebookTestHost.StartAsync((h, c) => h.Json(c, "page.json"), token: null);

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Unauthorized, result.Status);
        Assert.Contains("Monitor:Platforms:Facebook:AccessToken", result.Error, StringComparison.Ordinal);
        Assert.Equal(host.Time.GetUtcNow().AddDays(1), result.RetryAfter);
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task FetchAsync_UnknownPage_IsNotFound()
    {
        await using var host = await FacebookTestHost.StartAsync(PageFails("error-not-found.json", 400));

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.NotFound, result.Status);
        Assert.Equal(400, result.HttpStatus);
    }

    [Theory]
    [InlineData("""{"data": [ {"id": "1_2", "created_time": """)]
    [InlineData("""{"paging": {}}""")]
    [InlineData("""{"data": [ {"id": "1_2", "created_time": "yesterday"} ]}""")]
    [InlineData("""<html><body>Sorry, something went wrong.</body></html>""")]
    public async Task FetchAsync_MalformedPostsBody_ThrowsPayloadFormatException(string body)
    {
        await using var host = await FacebookTestHost.StartAsync((h, context) => context.Request.Path.Value == "/v23.0/MFAExample"
            ? h.Json(context, "page.json")
            : FacebookTestHost.Write(context, body));

        await Assert.ThrowsAsync<PayloadFormatException>(() =>
            host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task FetchAsync_AtTraceLevel_NeverLogsOrReturnsTheToken()
    {
        await using var host = await FacebookTestHost.StartAsync((h, context) => context.Request.Path.Value switch
        {
            "/v23.0/MFAExample" => h.Json(context, "page.json"),
            _ when context.Request.Query["after"] == "QVFIUnBfPAGE2CURSOR" => h.Json(context, "error-invalid-token.json", 400),
            _ => h.Json(context, "posts-page1.json"),
        });

        var result = await host.Adapter.FetchAsync(FacebookTestHost.Request(), TestContext.Current.CancellationToken);

        Assert.Equal(PollStatus.Unauthorized, result.Status);
        Assert.DoesNotContain(FacebookTestHost.Token, result.Error, StringComparison.Ordinal);
        var logs = host.Logs.GetSnapshot();
        // Verbose logging is on (the pipeline's Debug records are there), yet the factory's request logger, which hands
        // raw headers to providers as state, is not wired to this client.
        Assert.Contains(logs, r => r.Level == Microsoft.Extensions.Logging.LogLevel.Debug);
        Assert.DoesNotContain(logs, r => r.Category?.StartsWith("System.Net.Http.HttpClient.monitor-facebook", StringComparison.Ordinal) ?? false);
        Assert.All(logs, r => Assert.DoesNotContain(FacebookTestHost.Token, r.Message + r.Exception + string.Join(";", r.StructuredState ?? []), StringComparison.Ordinal));
        Assert.All(logs, r => Assert.DoesNotContain("access_token", r.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("MFAExample", true)]
    [InlineData("@MFAExample", true)]
    [InlineData("112233445566778", true)]
    [InlineData("City-of-Example", true)]
    [InlineData("mfa/../me", false)]
    [InlineData("", false)]
    public async Task ValidateHandle_AcceptsPageIdsAndUsernames(string handle, bool valid)
    {
        await using var host = await FacebookTestHost.StartAsync((h, c) => h.Json(c, "page.json"));

        Assert.Equal(valid, host.Adapter.ValidateHandle(handle) is null);
    }
}
