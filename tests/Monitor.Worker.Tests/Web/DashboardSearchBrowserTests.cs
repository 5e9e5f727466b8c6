using Microsoft.Playwright;

namespace Monitor.Worker.Tests.Web;

/// <summary>The dashboard's search box in headless Chromium against the seeded service host (skipped without Chromium).</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class DashboardSearchBrowserTests(SeededHostFixture fixture) : IClassFixture<SeededHostFixture>
{
    [Fact]
    public async Task Search_AWord_ListsTheHitWithItsMatchMarkedAndLinksToTheAccount()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");

        await page.Locator("#search-q").FillAsync("corrected");
        await page.Locator("#search button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("body[data-searched='1']");

        Assert.Equal(1, await page.Locator("#search-hits li.hit").CountAsync());
        Assert.Equal(["corrected"], await page.Locator("#search-hits mark").AllInnerTextsAsync());
        Assert.Contains("A corrected statement.", await page.Locator("#search-hits .snippet").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("1 post match", await page.Locator("#search-summary").InnerTextAsync(), StringComparison.Ordinal);
        var link = page.Locator("#search-hits .hit-meta a").First;
        Assert.Equal("#account/fra-mfa", await link.GetAttributeAsync("href"));
        await session.SaveScreenshotAsync("dashboard-search.png");

        await link.ClickAsync();
        await page.WaitForSelectorAsync("#account:not([hidden])");
        Assert.True(await page.Locator("#search-results").IsVisibleAsync());
        await page.Locator("#search-clear").ClickAsync();
        Assert.True(await page.Locator("#search-results").IsHiddenAsync());
        Assert.Empty(session.Failures);
    }

    [Fact]
    public async Task Search_MarkupInAStoredPost_IsShownAsTextNeverRun()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        // A hostile feed's text as the API would return it: the page must show it, not parse it.
        await page.RouteAsync("**/api/search?**", route => route.FulfillAsync(new()
        {
            ContentType = "application/json",
            Body = """
                {"query":"minister","hits":[{"platform":"rss","accountId":"x\"><img src=x onerror=\"window.pwned=1\">","postId":"1",
                "url":"javascript:window.pwned=2","publishedAt":"2026-11-01T10:00:00Z","kind":"post",
                "snippet":"<img src=x onerror=\"window.pwned=3\"> the minister <b>met</b>","highlights":[[41,8],[999,3]]}]}
                """,
        }));
        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");

        await page.Locator("#search-q").FillAsync("minister");
        await page.Locator("#search-q").PressAsync("Enter");
        await page.WaitForSelectorAsync("body[data-searched='1']");

        Assert.Equal(0, await page.Locator("#search-results img, #search-results b").CountAsync());
        Assert.Equal("<img src=x onerror=\"window.pwned=3\"> the minister <b>met</b>", await page.Locator("#search-hits .snippet").InnerTextAsync());
        Assert.Equal(["minister"], await page.Locator("#search-hits mark").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("#search-hits a[href^='javascript']").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.pwned === undefined"));
        Assert.Empty(session.Failures);
    }
}
