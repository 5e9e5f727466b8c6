using Microsoft.Playwright;

namespace Monitor.Worker.Tests.Web;

/// <summary>
/// The study page (<c>/study</c>) and the dashboard's presence map in headless Chromium against the seeded service host;
/// screenshots go to <c>TestResults/</c> (study.png, dashboard-map.png) and are attached to the test. Skipped without /usr/bin/chromium.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class StudyBrowserTests(SeededHostFixture fixture) : IClassFixture<SeededHostFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Study_SeededStore_RendersEverySectionAndTheMapWithoutScript()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is missing (Debian package 'chromium'; .ci/run installs it).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1100, Height = 900 }, JavaScriptEnabled = false });
        var failures = new List<string>();
        page.RequestFailed += (_, request) => failures.Add($"{request.Url}: {request.Failure}");
        page.Console += (_, message) => failures.Add($"console: {message.Text}");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var response = await page.GotoAsync(new Uri(fixture.Host.BaseAddress, $"study?from={today.AddDays(-29):yyyy-MM-dd}&to={today:yyyy-MM-dd}").ToString());

        Assert.Equal(200, response!.Status);
        foreach (var id in new[] { "presence", "most-followed", "most-active", "most-conversational", "most-influential", "best-connected", "languages", "dormant", "adoption", "methods" })
        {
            Assert.True(await page.Locator($"section#{id} h2").IsVisibleAsync(), id);
        }

        Assert.Equal(193, await page.Locator("section#presence svg [data-country]:not([data-country=VAT]):not([data-country=PSE])").CountAsync());
        var map = await page.Locator("section#presence svg").BoundingBoxAsync();
        Assert.True(map is { Width: > 600, Height: > 250 }, $"map {map?.Width}x{map?.Height}");
        Assert.Contains("Distinct enabled tracked accounts that mention or repost", await page.Locator("section#best-connected").InnerTextAsync(), StringComparison.Ordinal);
        await SaveScreenshotAsync(page, "study.png");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ResultsDirectory(), "study-top.png") });
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Dashboard_SeededStore_ShowsThePresenceMapAndLinksTheStudy()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is missing (Debian package 'chromium'; .ci/run installs it).");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var failures = new List<string>();
        page.PageError += (_, error) => failures.Add(error);

        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#presence-map svg [data-country]').length >= 193");

        var link = await page.Locator("#study-link").GetAttributeAsync("href");
        Assert.Matches(@"^study\?from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d$", link);
        await page.Locator("#presence-map").ScreenshotAsync(new() { Path = Path.Combine(ResultsDirectory(), "dashboard-map.png") });
        Assert.Empty(failures);
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ResultsDirectory(), name);
        var bytes = await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, bytes, "image/png");
    }

    private static string ResultsDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Monitor.slnx")))
        {
            directory = directory.Parent;
        }

        var results = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(results);
        return results;
    }
}
