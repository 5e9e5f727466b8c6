using Microsoft.Playwright;

namespace Monitor.Worker.Tests.Web;

/// <summary>
/// One headless Chromium (Debian's <c>chromium</c>, which <c>.ci/run</c> installs; the test is skipped without it) with
/// one page; page errors and failed requests are collected for the final assertion.
/// </summary>
internal sealed class BrowserSession : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, IPage page)
    {
        this.playwright = playwright;
        this.browser = browser;
        Page = page;
        page.PageError += (_, error) => Failures.Add(error);
        page.RequestFailed += (_, request) => Failures.Add($"{request.Url}: {request.Failure}");
    }

    public IPage Page { get; }

    public List<string> Failures { get; } = [];

    public static async Task<BrowserSession> StartAsync()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is missing (Debian package 'chromium'; .ci/run installs it).");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        return new BrowserSession(playwright, browser, page);
    }

    public async Task SaveScreenshotAsync(string name)
    {
        var path = Path.Combine(ResultsDirectory(), name);
        var bytes = await Page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.AddAttachment(name, bytes, "image/png");
    }

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
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
