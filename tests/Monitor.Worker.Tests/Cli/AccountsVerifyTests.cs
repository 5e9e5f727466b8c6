using Microsoft.Data.Sqlite;
using Monitor.Testing;

namespace Monitor.Worker.Tests.Cli;

/// <summary>
/// <c>accounts verify</c> and <c>accounts confirm</c> through the real CLI, one account per platform, against the
/// loopback server with every platform's recorded fixtures.
/// </summary>
public sealed class AccountsVerifyTests : IAsyncLifetime
{
    private static readonly string[] Accounts =
    [
        "id,platform,handle,country,actor,name,language,enabled",
        "fra-mastodon,mastodon,@France_Diplo@social.example,FRA,ForeignMinistry,France Diplomatie,fr,true",
        "gbr-bluesky,bluesky,@fcdo.bsky.social,GBR,ForeignMinistry,FCDO,en,true",
        "deu-youtube,youtube,UCabcdefghijklmnopqrstuv,DEU,ForeignMinistry,MFA videos,en,true",
        "ita-x,x,@MFA_Example,ITA,ForeignMinistry,MFA on X,en,true",
        "esp-facebook,facebook,MFAExample,ESP,ForeignMinistry,MFA page,en,true",
        "jpn-telegram,telegram,@mfa_example,JPN,ForeignMinistry,MFA channel,en,true",
    ];

    private readonly string directory = Directory.CreateTempSubdirectory("monitor-verify-").FullName;
    private LoopbackServer server = null!;

    public async ValueTask InitializeAsync()
    {
        server = await LoopbackServer.StartAsync(AllPlatformsServer.HandleAsync);
        await WriteAccountsAsync([.. Accounts, $"nld-rss,rss,{server.Url(AllPlatformsServer.FeedPath)},NLD,Embassy,Embassy feed,en,true"]);
    }

    [Fact]
    public async Task Verify_EveryPlatformBeforeAndAfterPolling_IsOkWithOneCheapCallEach()
    {
        var before = await RunAsync("accounts", "verify");
        var requestsBefore = server.Requests.Count;
        var ingest = await RunAsync("ingest", "--once");
        var polled = server.Requests.Count;
        var after = await RunAsync("accounts", "verify");

        Assert.True(before.ExitCode == 0, before.Output + before.Error);
        Assert.True(ingest.ExitCode == 0, ingest.Output + ingest.Error);
        Assert.True(after.ExitCode == 0, after.Output + after.Error);
        Assert.Contains("7 accounts verified, 0 not ok.", after.Output, StringComparison.Ordinal);
        foreach (var id in new[] { "fra-mastodon", "gbr-bluesky", "deu-youtube", "ita-x", "esp-facebook", "jpn-telegram", "nld-rss" })
        {
            Assert.Matches($"(?m)^{id} +[a-z]+ +ok", after.Output);
        }

        // Recorded stable ids, and the requests they were resolved by: one each, no post listings.
        Assert.Contains("2244994945 (MFA_Example)", after.Output, StringComparison.Ordinal);
        Assert.Contains("did:plc:fcdo4kq2yq7m3hnxwzj5tb6a (fcdo.bsky.social)", after.Output, StringComparison.Ordinal);
        Assert.Contains("https://social.example/users/France_Diplo", after.Output, StringComparison.Ordinal);
        var verifyRequests = server.Requests.Skip(polled).Select(r => r.Path).ToList();
        Assert.Equal(7, requestsBefore);
        Assert.Equal(7, verifyRequests.Count);
        Assert.Contains("/2/users/2244994945", verifyRequests);
        Assert.DoesNotContain(verifyRequests, p => p.EndsWith("/tweets", StringComparison.Ordinal) || p.EndsWith("/posts", StringComparison.Ordinal)
            || p.EndsWith("/statuses", StringComparison.Ordinal) || p.EndsWith("getAuthorFeed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Verify_UnknownAccount_PrintsItsVerdictAndExitsTwo()
    {
        await WriteAccountsAsync([.. Accounts, "gbr-gone,x,@NoSuchMinistry,GBR,ForeignMinistry,Gone,en,true"]);

        var result = await RunAsync("accounts", "verify");

        Assert.Equal(2, result.ExitCode);
        Assert.Matches("(?m)^gbr-gone +x +notFound", result.Output);
        Assert.Contains("gbr-gone: ", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 not ok", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_IdentityChangedAccount_AcceptsTheIdentityTheHandleNamesNowAndResumesPolling()
    {
        Assert.Equal(0, (await RunAsync("ingest", "--once")).ExitCode);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "monitor.db")};Pooling=false"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE accounts SET last_status = 'identityChanged', cursor_external_id = '1999999999999' WHERE id = 'ita-x';";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var skipped = await RunAsync("ingest", "--once");
        var notWaiting = await RunAsync("accounts", "confirm", "gbr-bluesky");
        var unknown = await RunAsync("accounts", "confirm", "nope");
        var confirmed = await RunAsync("accounts", "confirm", "ita-x");
        var resumed = await RunAsync("ingest", "--once", "--account", "ita-x");

        Assert.Contains("6 accounts polled", skipped.Output, StringComparison.Ordinal);
        Assert.Equal(1, notWaiting.ExitCode);
        Assert.Contains("not waiting for confirmation", notWaiting.Error, StringComparison.Ordinal);
        Assert.Equal(3, unknown.ExitCode);
        Assert.True(confirmed.ExitCode == 0, confirmed.Output + confirmed.Error);
        Assert.Contains("ita-x: accepted 2244994945 (MFA_Example)", confirmed.Output, StringComparison.Ordinal);
        Assert.True(resumed.ExitCode == 0, resumed.Output + resumed.Error);
        Assert.Matches("(?m)^ita-x +x +ok", resumed.Output);
    }

    private Task WriteAccountsAsync(string[] lines) => File.WriteAllLinesAsync(Path.Combine(directory, "accounts.csv"), lines);

    private Task<CliResult> RunAsync(params string[] args)
    {
        var baseUrl = server.BaseUrl.ToString().TrimEnd('/');
        return CliRunner.RunAsync(
        [
            .. args,
            $"--Monitor:AccountsFile={Path.Combine(directory, "accounts.csv")}",
            $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "monitor.db")}",
            "--Monitor:Http:Resilience:RetryBaseDelay=00:00:00.010",
            "--Monitor:Http:Resilience:RetryMaxDelay=00:00:00.050",
            $"--Monitor:Platforms:Mastodon:BaseUrl={baseUrl}",
            $"--Monitor:Platforms:Bluesky:BaseUrl={baseUrl}",
            $"--Monitor:Platforms:YouTube:BaseUrl={baseUrl}",
            $"--Monitor:Platforms:YouTube:ApiBaseUrl={baseUrl}/youtube/v3",
            "--Monitor:Platforms:YouTube:ApiKey=test-key",
            "--Monitor:Platforms:YouTube:MaxBackfillPages=2",
            $"--Monitor:Platforms:X:BaseUrl={baseUrl}",
            "--Monitor:Platforms:X:BearerToken=test-token",
            $"--Monitor:Platforms:Facebook:BaseUrl={baseUrl}/v23.0",
            "--Monitor:Platforms:Facebook:AccessToken=test-token",
            $"--Monitor:Platforms:Telegram:BaseUrl={baseUrl}",
        ]);
    }

    public async ValueTask DisposeAsync()
    {
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
