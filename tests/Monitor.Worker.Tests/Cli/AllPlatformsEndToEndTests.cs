using System.Text.Json;
using Monitor.Testing;

namespace Monitor.Worker.Tests.Cli;

/// <summary>
/// The issue's "done": <c>ingest --once</c> and <c>export</c> work for an account on every platform. One account per
/// platform, all served by one loopback server with the Core tests' recorded fixtures, through the real CLI.
/// </summary>
public sealed class AllPlatformsEndToEndTests : IAsyncLifetime
{
    /// <summary>Per platform: posts in the fixtures, their kinds, and the profile counts the fixtures give.</summary>
    private static readonly Dictionary<string, Expected> ExpectedByAccount = new()
    {
        // rss2-embassy.expected.json: 7 items, all plain posts; feeds expose no counts.
        ["nld-rss"] = new("rss", 7, ["post"], null, null, null),
        // statuses-kinds.json: a quote, a reblog, a reply and a post; account.json counts.
        ["fra-mastodon"] = new("mastodon", 4, ["post", "quote", "reply", "repost"], 48213, 312, 2784),
        // feed-kinds.json: 8 items, the pinned copy of a post is skipped: repost, 2 quotes, reply, 3 posts; profile.json.
        ["gbr-bluesky"] = new("bluesky", 7, ["post", "quote", "reply", "repost"], 61234, 87, 1452),
        // feed.xml vid3+vid2, uploads pages vid1+vid0 (the private item has no publish date); channels-statistics.json.
        ["deu-youtube"] = new("youtube", 4, ["post"], 231000, null, 2874),
        // timeline-page1+2: post, repost, reply, quote, post; the public_metrics of page 1's author expansion.
        ["ita-x"] = new("x", 5, ["post", "quote", "reply", "repost"], 512350, 321, 18770),
        // posts-page1+2: 5 posts, shares with and without a message; page.json followers_count.
        ["esp-facebook"] = new("facebook", 5, ["post", "quote", "repost"], 161870, null, null),
        // channel-page.html: messages 1202..1206 (1201 is a "pinned" service message) with a forward and a reply; subscribers.
        ["jpn-telegram"] = new("telegram", 5, ["post", "reply", "repost"], 12300, null, null),
    };

    private readonly string directory = Directory.CreateTempSubdirectory("monitor-all-").FullName;
    private LoopbackServer server = null!;

    public async ValueTask InitializeAsync()
    {
        server = await LoopbackServer.StartAsync(AllPlatformsServer.HandleAsync);
        await File.WriteAllLinesAsync(Path.Combine(directory, "accounts.csv"),
        [
            "id,platform,handle,country,actor,name,language,enabled",
            $"nld-rss,rss,{server.Url(AllPlatformsServer.FeedPath)},NLD,Embassy,Embassy feed,en,true",
            // BaseUrl replaces the handle's instance, so the instance name never leaves this machine.
            "fra-mastodon,mastodon,@France_Diplo@social.example,FRA,ForeignMinistry,France Diplomatie,fr,true",
            "gbr-bluesky,bluesky,@fcdo.bsky.social,GBR,ForeignMinistry,FCDO,en,true",
            "deu-youtube,youtube,UCabcdefghijklmnopqrstuv,DEU,ForeignMinistry,MFA videos,en,true",
            "ita-x,x,@MFA_Example,ITA,ForeignMinistry,MFA on X,en,true",
            "esp-facebook,facebook,MFAExample,ESP,ForeignMinistry,MFA page,en,true",
            "jpn-telegram,telegram,@mfa_example,JPN,ForeignMinistry,MFA channel,en,true",
        ]);
    }

    [Fact]
    public async Task IngestOnceThenExport_AllPlatforms_StoresEveryFixturePostOnceWithKindsAndProfiles()
    {
        var expectedTotal = ExpectedByAccount.Values.Sum(e => e.Posts);

        var first = await RunAsync("ingest", "--once");
        var snapshots = await ExportAsync("snapshots");
        var second = await RunAsync("ingest", "--once");
        var posts = await ExportAsync("posts");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.True(first.Output.Contains($"7 accounts polled, 0 failed, {expectedTotal} new posts", StringComparison.Ordinal), first.Output);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        Assert.True(second.Output.Contains("7 accounts polled, 0 failed, 0 new posts", StringComparison.Ordinal), second.Output);

        Assert.Equal(expectedTotal, posts.Count);
        Assert.Equal(expectedTotal, posts.Select(p => $"{Text(p, "accountId")}/{Text(p, "postId")}").Distinct().Count());
        Assert.All(posts, p =>
        {
            Assert.False(string.IsNullOrEmpty(Text(p, "postId")));
            Assert.True(DateTimeOffset.TryParse(Text(p, "publishedAt"), System.Globalization.CultureInfo.InvariantCulture, out _));
            Assert.Equal(JsonValueKind.Null, p.GetProperty("deletedAt").ValueKind);
        });

        foreach (var (accountId, expected) in ExpectedByAccount)
        {
            var mine = posts.Where(p => Text(p, "accountId") == accountId).ToList();
            Assert.True(expected.Posts == mine.Count, $"{accountId}: expected {expected.Posts} posts, got {mine.Count}");
            Assert.All(mine, p => Assert.Equal(expected.Platform, Text(p, "platform")));
            Assert.Equal(expected.Kinds, mine.Select(p => Text(p, "kind")!).Distinct().Order(StringComparer.Ordinal).ToArray());

            var snapshot = Assert.Single(snapshots, s => Text(s, "accountId") == accountId);
            Assert.Equal("ok", Text(snapshot, "status"));
            Assert.Equal(expected.Posts, snapshot.GetProperty("newPosts").GetInt32());
            Assert.Equal(expected.Followers, Number(snapshot, "followers"));
            Assert.Equal(expected.Following, Number(snapshot, "following"));
            Assert.Equal(expected.PostsTotal, Number(snapshot, "postsTotal"));
        }

        Assert.Equal(7, snapshots.Count);
        Assert.All(server.Requests, r => Assert.DoesNotContain("test-token", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task IngestOnceThenReportEngagement_AllPlatforms_CountsQuotesWhereTheWireHasThem()
    {
        Assert.Equal(0, (await RunAsync("ingest", "--once")).ExitCode);

        var report = await RunAsync("report", "engagement", "--from", "2020-01-01", "--to", "2030-12-31", "--format", "json", "--top", "100");

        Assert.True(report.ExitCode == 0, report.Output + report.Error);
        var root = JsonDocument.Parse(report.Output).RootElement;
        var accounts = root.GetProperty("accounts").EnumerateArray().ToDictionary(a => Text(a, "accountId")!);
        Assert.Equal(ExpectedByAccount.Keys.Order(StringComparer.Ordinal), accounts.Keys.Order(StringComparer.Ordinal));
        Assert.True(accounts["gbr-bluesky"].GetProperty("quotesPerPost").GetDouble() > 0); // quoteCount
        Assert.True(accounts["ita-x"].GetProperty("quotesPerPost").GetDouble() > 0);       // quote_count
        Assert.Equal(0, accounts["fra-mastodon"].GetProperty("quotesPerPost").GetDouble()); // Mastodon gives none
        Assert.Equal(0, accounts["nld-rss"].GetProperty("measuredPosts").GetInt64());
        Assert.Equal(JsonValueKind.Null, accounts["nld-rss"].GetProperty("interactionsPerPost").ValueKind);
        var top = root.GetProperty("topPosts").EnumerateArray().ToList();
        Assert.NotEmpty(top);
        Assert.All(top, p =>
        {
            Assert.NotEqual("repost", Text(p, "kind"));
            Assert.Equal(["1h", "6h", "24h", "7d"], p.GetProperty("scores").EnumerateArray().Select(s => Text(s, "bucket")));
        });
    }

    private async Task<List<JsonElement>> ExportAsync(string what)
    {
        var file = Path.Combine(directory, what + ".jsonl");
        var export = await RunAsync("export", what, "--format", "jsonl", "--output", file);
        Assert.True(export.ExitCode == 0, export.Output + export.Error);
        return (await File.ReadAllLinesAsync(file, TestContext.Current.CancellationToken))
            .Where(line => line.Length > 0).Select(line => JsonDocument.Parse(line).RootElement).ToList();
    }

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();

    private static long? Number(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? null : element.GetProperty(name).GetInt64();

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
            // The uploads fixture has two pages; the second names a third that was never recorded.
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private sealed record Expected(string Platform, int Posts, string[] Kinds, long? Followers, long? Following, long? PostsTotal);
}
