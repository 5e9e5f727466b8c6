namespace Monitor.Worker.Tests.Web;

/// <summary>With <c>Monitor:Web:ApiKey</c> set, a browser signs in through the form and the dashboard runs on the cookie.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class SignInBrowserTests(KeyedHostFixture fixture) : IClassFixture<KeyedHostFixture>
{
    [Fact]
    public async Task Dashboard_KeyRequired_SignInFormThenDashboardThenSignOut()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var signIn = new Uri(fixture.Host.BaseAddress, "signin").ToString();

        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        Assert.Equal(signIn, page.Url);
        Assert.True(await page.Locator("#failed").IsHiddenAsync());

        await page.Locator("input[name=key]").FillAsync("not-the-key-0123456789");
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(signIn + "?failed=1");
        Assert.True(await page.Locator("#failed").IsVisibleAsync());
        await session.SaveScreenshotAsync("signin-failed.png");

        await page.Locator("input[name=key]").FillAsync(KeyedHostFixture.Key);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("body[data-ready=true]");
        Assert.Equal(fixture.Host.BaseAddress.ToString(), page.Url);
        Assert.Equal(2, await page.Locator("#leaderboard tbody tr").CountAsync());
        Assert.True(await page.Locator("#signout").IsVisibleAsync());
        var cookie = Assert.Single(await page.Context.CookiesAsync());
        Assert.Equal(("monitor_session", true), (cookie.Name, cookie.HttpOnly));
        Assert.NotEqual(KeyedHostFixture.Key, cookie.Value);

        await page.Locator("#signout button").ClickAsync();
        await page.WaitForURLAsync(signIn);
        Assert.Empty(await page.Context.CookiesAsync());

        // A deep link survives the sign-in.
        await page.GotoAsync(fixture.Host.BaseAddress + "#account/fra-mfa");
        Assert.Equal(signIn + "#account/fra-mfa", page.Url);
        await page.Locator("input[name=key]").FillAsync(KeyedHostFixture.Key);
        await page.Locator("button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true' && document.getElementById('account-title').textContent.startsWith('France')");
        Assert.Equal(fixture.Host.BaseAddress + "#account/fra-mfa", page.Url);
        Assert.Empty(session.Failures);
    }
}
