using System.Net;

namespace Monitor.Worker.Tests.Web;

/// <summary>
/// With <c>Monitor:Web:ApiKey</c> set, the key opens everything (header, bearer token or the sign-in cookie, never the
/// query string); without it only the probes, the static assets and the sign-in form answer.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class ApiKeyTests(KeyedHostFixture fixture) : IClassFixture<KeyedHostFixture>, IDisposable
{
    private readonly HttpClient client = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = fixture.Host.BaseAddress };

    public void Dispose() => client.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("api/accounts", null, HttpStatusCode.Unauthorized)]
    [InlineData("api/accounts", "header", HttpStatusCode.OK)]
    [InlineData("api/accounts", "bearer", HttpStatusCode.OK)]
    [InlineData("metrics", "bearer", HttpStatusCode.OK)]
    [InlineData("api/accounts", "query", HttpStatusCode.Unauthorized)]
    [InlineData("api/accounts", "wrong", HttpStatusCode.Unauthorized)]
    [InlineData("api/accounts", "wrongBearer", HttpStatusCode.Unauthorized)]
    [InlineData("api/accounts", "keyAsCookie", HttpStatusCode.Unauthorized)]
    [InlineData("", null, HttpStatusCode.Unauthorized)]
    [InlineData("metrics", null, HttpStatusCode.Unauthorized)]
    [InlineData("healthz", null, HttpStatusCode.OK)]
    [InlineData("readyz", null, HttpStatusCode.OK)]
    [InlineData("static/app.js", null, HttpStatusCode.OK)]
    [InlineData("signin", null, HttpStatusCode.OK)]
    public async Task ApiKeySet_Request_OnlyProbesAssetsAndSignInAreOpen(string path, string? presented, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, presented == "query" ? $"{path}?apiKey={KeyedHostFixture.Key}" : path);
        switch (presented)
        {
            case "header": request.Headers.Add("X-Api-Key", KeyedHostFixture.Key); break;
            case "wrong": request.Headers.Add("X-Api-Key", KeyedHostFixture.Key + "x"); break;
            case "bearer": request.Headers.Add("Authorization", $"Bearer {KeyedHostFixture.Key}"); break;
            case "wrongBearer": request.Headers.Add("Authorization", $"Bearer {KeyedHostFixture.Key}x"); break;
            case "keyAsCookie": request.Headers.Add("Cookie", $"monitor_session={KeyedHostFixture.Key}"); break;
        }

        using var response = await client.SendAsync(request, Ct);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task ApiKeySet_BrowserAsksForThePage_RedirectedToTheSignInForm()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "");
        request.Headers.Add("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

        using var response = await client.SendAsync(request, Ct);
        using var form = await client.GetAsync(response.Headers.Location, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin", response.Headers.Location?.OriginalString);
        Assert.Contains("<input type=\"password\" name=\"key\"", await form.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_RightKey_SetsAnHttpOnlyStrictCookieThatOpensTheApi()
    {
        using var response = await client.PostAsync("signin", new FormUrlEncodedContent([new("key", KeyedHostFixture.Key)]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("monitor_session=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyedHostFixture.Key, cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=2592000", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "api/accounts");
        request.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var api = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Theory]
    [InlineData("not-the-key-0123456789")]
    [InlineData("")]
    public async Task SignIn_WrongKey_BackToTheFormWithoutACookie(string key)
    {
        using var response = await client.PostAsync("signin", new FormUrlEncodedContent([new("key", key)]), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/signin?failed=1", response.Headers.Location?.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task SignOut_ExpiresTheCookie()
    {
        using var response = await client.PostAsync("signout", null, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("monitor_session=;", Assert.Single(response.Headers.GetValues("Set-Cookie")), StringComparison.Ordinal);
    }
}
