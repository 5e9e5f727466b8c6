using Microsoft.Playwright;

namespace Monitor.Worker.Tests.Web;

/// <summary>
/// The dashboard in headless Chromium (Debian's <c>chromium</c> package, which <c>.ci/run</c> installs) against the
/// seeded service host: the leaderboard rows, then an account's chart and heatmap. Screenshots go to
/// <c>TestResults/</c> at the repository root (beside the TRX files) and are attached to the test.
/// Without /usr/bin/chromium the test is skipped, never passed.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class DashboardBrowserTests(SeededHostFixture fixture) : IClassFixture<SeededHostFixture>
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_SeededStore_RendersLeaderboardThenAccountChartAndHeatmap()
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
        page.RequestFailed += (_, request) => failures.Add($"{request.Url}: {request.Failure}");

        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");

        var ids = await page.Locator("#leaderboard tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.account)");
        Assert.Equal(["fra-mfa", "gbr-fcdo", "deu-aa", "usa-embassy"], ids);
        Assert.Contains("HTTP 401: the access token was refused", await page.Locator("#trouble").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(4, await page.Locator("#presence tbody tr").CountAsync());
        await SaveScreenshotAsync(page, "dashboard.png");

        await page.Locator("#leaderboard th[data-key=name]").ClickAsync();
        var sorted = await page.Locator("#leaderboard tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.account)");
        Assert.Equal(["usa-embassy", "gbr-fcdo", "fra-mfa", "deu-aa"], sorted);

        await page.Locator("#leaderboard a[href='#account/fra-mfa']").ClickAsync();
        await page.WaitForFunctionAsync("() => !document.getElementById('account').hidden && Chart.getChart('daily-chart')?.data.labels.length === 30");
        var canvas = await page.Locator("#daily-chart").BoundingBoxAsync();
        Assert.NotNull(canvas);
        Assert.True(canvas.Width > 100 && canvas.Height > 100, $"canvas {canvas.Width}x{canvas.Height}");
        var total = await page.EvaluateAsync<int>("() => Chart.getChart('daily-chart').data.datasets[0].data.reduce((a, b) => a + b, 0)");
        Assert.Equal(SeededWorkerHost.FraPosts, total);
        Assert.Equal(7 * 24, await page.Locator("#heatmap tbody td").CountAsync());
        await SaveScreenshotAsync(page, "dashboard-account.png");
        Assert.Empty(failures);
    }

    private static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(ResultsDirectory(), name);
        var bytes = await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, bytes, "image/png");
    }

    /// <summary><c>TestResults/</c> at the repository root (where .ci/run collects results), else beside the test binaries.</summary>
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
