using Microsoft.AspNetCore.Http;
using Monitor.Testing;

namespace Monitor.Worker.Tests.Cli;

/// <summary><c>accounts discover</c> end to end over recorded home pages on 127.0.0.1.</summary>
public sealed class AccountsDiscoverEndToEndTests
{
    [Fact]
    public async Task Discover_HomePage_PrintsCandidateRows()
    {
        await using var site = await StartSiteAsync();

        var result = await CliRunner.RunAsync(["accounts", "discover", site.Url("/"), "--country", "fra", "--actor", "embassy"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Fixtures.ReadText("Discovery/embassy-home.expected.csv"), result.Output);
        Assert.Equal(["9 candidate accounts from 1 of 1 pages."], AccountsImportEndToEndTests.Lines(result.Error));
        Assert.Single(site.Requests);
    }

    [Fact]
    public async Task Discover_OnePageMissing_PrintsTheOthersAndExitsTwo()
    {
        await using var site = await StartSiteAsync();

        var result = await CliRunner.RunAsync(["accounts", "discover", site.Url("/gone"), site.Url("/")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal([$"{site.Url("/gone")}: HTTP 404 Not Found.", "9 candidate accounts from 1 of 2 pages."], AccountsImportEndToEndTests.Lines(result.Error));
        Assert.Equal(10, AccountsImportEndToEndTests.Lines(result.Output).Length);
    }

    [Theory]
    [InlineData("not a url", "'not a url' is not an absolute http or https URL.")]
    [InlineData("file:///etc/passwd", "'file:///etc/passwd' is not an absolute http or https URL.")]
    [InlineData("--country=XX", "--country: unknown country code 'XX' (expected ISO 3166-1 alpha-3, e.g. GBR).")]
    [InlineData("--actor=Spy", "--actor: unknown actor 'Spy' (known: HeadOfState, HeadOfGovernment, ForeignMinistry, ForeignMinister, Embassy, Mission, Ambassador, Other).")]
    public async Task Discover_BadArgument_FailsWithOneLineAndFetchesNothing(string argument, string expected)
    {
        await using var site = await StartSiteAsync();

        var result = await CliRunner.RunAsync(["accounts", "discover", site.Url("/"), argument]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([expected], AccountsImportEndToEndTests.Lines(result.Error));
        Assert.Empty(site.Requests);
    }

    private static Task<LoopbackServer> StartSiteAsync() => LoopbackServer.StartAsync(async context =>
    {
        if (context.Request.Path != "/")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.Body.WriteAsync(Fixtures.ReadBytes("Discovery/embassy-home.html"), context.RequestAborted);
    });
}
