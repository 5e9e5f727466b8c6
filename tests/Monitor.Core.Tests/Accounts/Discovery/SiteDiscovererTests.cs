using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Accounts.Discovery;
using Monitor.Testing;

namespace Monitor.Core.Tests.Accounts.Discovery;

/// <summary>Discovery over recorded home pages served from 127.0.0.1.</summary>
public sealed class SiteDiscovererTests
{
    [Fact]
    public async Task DiscoverAsync_RecordedEmbassyHomePage_ProposesItsFeedsAndProfiles()
    {
        await using var server = await LoopbackServer.StartAsync(context => Serve(context, "text/html; charset=utf-8", Fixtures.ReadBytes("Discovery/embassy-home.html")));
        await using var services = MonitorTestServices.Build(new Dictionary<string, string?>());

        var rows = await services.GetRequiredService<SiteDiscoverer>().DiscoverAsync(new Uri(server.Url("/")), "FRA", "Embassy", TestContext.Current.CancellationToken);

        using var writer = new StringWriter();
        AccountCsvFile.Write(writer, rows);
        Assert.Equal(Fixtures.ReadText("Discovery/embassy-home.expected.csv"), writer.ToString());
        // Only the page itself was fetched: the links found are printed, never followed.
        Assert.Equal(["/"], server.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task DiscoverAsync_PageWithoutBase_ResolvesRelativeFeedsAgainstThePageUrl()
    {
        var html = "<html><head><title>MFA</title><link rel=alternate type=application/rss+xml href=\"news/rss.xml\"></head></html>"u8.ToArray();
        await using var server = await LoopbackServer.StartAsync(context => Serve(context, "text/html", html));
        await using var services = MonitorTestServices.Build(new Dictionary<string, string?>());

        var rows = await services.GetRequiredService<SiteDiscoverer>().DiscoverAsync(new Uri(server.Url("/en/")), "", "", TestContext.Current.CancellationToken);

        var row = Assert.Single(rows);
        Assert.Equal((server.Url("/en/news/rss.xml"), "rss", "MFA", "discover", ""), (row.Handle, row.Platform, row.Name, row.Source, row.Country));
        Assert.Equal("127.0.0.1-rss-en-news-rss.xml", row.Id);
    }

    [Theory]
    [InlineData(404, "text/html", "HTTP 404 Not Found.")]
    [InlineData(200, "application/pdf", "not an HTML page (Content-Type application/pdf).")]
    public async Task DiscoverAsync_UnreadablePage_FailsNamingThePage(int status, string contentType, string expected)
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = status;
            return Serve(context, contentType, "%PDF-1.7"u8.ToArray());
        });
        await using var services = MonitorTestServices.Build(new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<SiteDiscoveryException>(() => services.GetRequiredService<SiteDiscoverer>()
            .DiscoverAsync(new Uri(server.Url("/home?session=secret")), "", "", TestContext.Current.CancellationToken));

        Assert.Equal($"{server.Url("/home")}: {expected}", error.Message);
    }

    private static async Task Serve(HttpContext context, string contentType, byte[] body)
    {
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
