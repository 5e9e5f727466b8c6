using Microsoft.AspNetCore.Http;
using Monitor.Testing;

namespace Monitor.Worker.Tests.Cli;

/// <summary><c>accounts import wikidata</c> end to end: the real command line against a loopback SPARQL endpoint.</summary>
public sealed class AccountsImportEndToEndTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("monitor-import-").FullName;

    [Fact]
    public async Task ImportWikidata_ToStandardOutput_PrintsTheCsvAndASummary()
    {
        await using var endpoint = await WikidataFixtureServer.StartAsync();

        var result = await CliRunner.RunAsync(["accounts", "import", "wikidata", "--countries", "gbr,FRA", .. Settings(endpoint)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Fixtures.ReadText("Wikidata/expected-import.csv"), result.Output);
        Assert.Equal(
            [
                "Wikidata: 16 accounts from 5 queries; countries covered: 2 of 2 (FRA, GBR).",
                "By platform: bluesky 1, facebook 2, mastodon 1, rss 2, telegram 1, x 7, youtube 2.",
                "By actor: Embassy 4, ForeignMinistry 7, HeadOfGovernment 1, HeadOfState 4.",
                "Skipped: Q1135419 telegram 'France Diplomatie!' skipped: A Telegram handle is a public channel username: '@channel', 'channel' or 'https://t.me/channel'.",
            ],
            Lines(result.Error));
    }

    [Fact]
    public async Task ImportWikidata_MergeIntoAnExistingList_WritesTheMergedFileAndReportsConflicts()
    {
        await using var endpoint = await WikidataFixtureServer.StartAsync();
        var existing = Path.Combine(directory, "accounts.csv");
        File.Copy(Fixtures.Path("Wikidata/existing-accounts.csv"), existing);
        var before = await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken);
        var merged = Path.Combine(directory, "merged.csv");

        var result = await CliRunner.RunAsync(
            ["accounts", "import", "wikidata", "--countries", "GBR,FRA", "--merge", existing, "--output", merged, .. Settings(endpoint)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(Fixtures.ReadText("Wikidata/expected-merge.csv"), await File.ReadAllTextAsync(merged, TestContext.Current.CancellationToken));
        Assert.Equal(before, await File.ReadAllTextAsync(existing, TestContext.Current.CancellationToken));
        var lines = Lines(result.Error);
        Assert.Contains("Merge: 11 added, 1 updated, 1 unchanged, 2 kept (not returned by this import), 3 conflicts.", lines);
        Assert.Contains("Conflict: q3052772-x-emmanuelmacron: already listed as a manual row; kept as it is.", lines);
        Assert.Equal($"Wrote 18 rows to {merged}.", lines[^1]);

        var validate = await CliRunner.RunAsync(["accounts", "validate", $"--Monitor:AccountsFile={merged}"]);
        Assert.Equal(0, validate.ExitCode);
    }

    [Fact]
    public async Task ImportWikidata_MergeIntoTheSameFile_ReplacesItWhole()
    {
        await using var endpoint = await WikidataFixtureServer.StartAsync();
        var list = Path.Combine(directory, "accounts.csv");
        File.Copy(Fixtures.Path("Wikidata/existing-accounts.csv"), list);

        var result = await CliRunner.RunAsync(["accounts", "import", "wikidata", "--countries", "GBR,FRA", "--merge", list, "-o", list, .. Settings(endpoint)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Fixtures.ReadText("Wikidata/expected-merge.csv"), await File.ReadAllTextAsync(list, TestContext.Current.CancellationToken));
        Assert.Equal(["accounts.csv"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ImportWikidata_OnlySomeActorsAndPlatforms_SendsOneQueryPerActor()
    {
        await using var endpoint = await WikidataFixtureServer.StartAsync();

        var result = await CliRunner.RunAsync(
            ["accounts", "import", "wikidata", "--countries", "GBR,FRA", "--actors", "embassy,HeadOfState", "--platforms", "X", .. Settings(endpoint)]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, endpoint.Queries.Count);
        Assert.All(endpoint.Queries, q => Assert.Contains("(\"x\" p:P2002 ps:P2002)", q, StringComparison.Ordinal));
        Assert.All(endpoint.Queries, q => Assert.DoesNotContain("P2013", q, StringComparison.Ordinal));
        Assert.StartsWith("# Monitor accounts import: HeadOfState, FRA GBR", endpoint.Queries.First(), StringComparison.Ordinal);
    }

    public static TheoryData<string[], string> BadArguments => new()
    {
        { ["--countries", "GBR,XXX"], "--countries: unknown country code 'XXX' (expected ISO 3166-1 alpha-3 codes such as GBR,FRA, or all)." },
        { ["--actors", "Spy"], "--actors: unknown actor type 'Spy' (known: ForeignMinistry, HeadOfState, HeadOfGovernment, ForeignMinister, Embassy)." },
        { ["--platforms", "myspace"], "--platforms: unknown platform 'myspace' (known: rss, mastodon, bluesky, youtube, x, facebook, telegram)." },
        { ["--merge", "/nonexistent/accounts.csv"], "--merge: /nonexistent/accounts.csv: file does not exist." },
        { ["--Monitor:Wikidata:Contact="], "Monitor:Wikidata:Contact is not set: the Wikidata query service's User-Agent policy asks for a way to reach you; "
            + "set it to an e-mail address or URL, e.g. --Monitor:Wikidata:Contact=you@example.org." },
        { ["--Monitor:Wikidata:Contact=nobody"], "Invalid configuration: Monitor:Wikidata:Contact: must be an e-mail address or an http(s) URL." },
    };

    [Theory]
    [MemberData(nameof(BadArguments))]
    public async Task ImportWikidata_BadArgument_FailsWithOneLineAndNoQuery(string[] arguments, string expected)
    {
        await using var endpoint = await WikidataFixtureServer.StartAsync();

        var result = await CliRunner.RunAsync(["accounts", "import", "wikidata", .. Settings(endpoint), .. arguments]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal([expected], Lines(result.Error));
        Assert.Empty(endpoint.Queries);
    }

    [Fact]
    public async Task ImportWikidata_ServiceFails_ExitsTwoWithOneLineAndWritesNothing()
    {
        await using var endpoint = await WikidataFixtureServer.StartAsync(async (context, query) =>
        {
            if (!query.Contains("Embassy", StringComparison.Ordinal))
            {
                return false;
            }

            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            await context.Response.WriteAsync("upstream down", TestContext.Current.CancellationToken);
            return true;
        });
        var output = Path.Combine(directory, "out.csv");

        var result = await CliRunner.RunAsync(
            ["accounts", "import", "wikidata", "--countries", "GBR,FRA", "--output", output, "--Monitor:Http:Resilience:MaxRetryAttempts=0", .. Settings(endpoint)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(["Wikidata query Embassy (FRA, GBR) failed: HTTP 502 Bad Gateway. Nothing was written."], Lines(result.Error));
        Assert.False(File.Exists(output));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static string[] Settings(WikidataFixtureServer endpoint) =>
        [$"--Monitor:Wikidata:Endpoint={endpoint.Endpoint}", "--Monitor:Wikidata:Contact=ops@example.org"];

    internal static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
