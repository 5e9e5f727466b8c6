using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Monitor.Worker.Tests.Cli;

namespace Monitor.Worker.Tests.Web;

/// <summary>The status endpoint through the real HTTP stack: the worker host in Service mode over a seeded SQLite store.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class WebApiTests(SeededHostFixture fixture) : IClassFixture<SeededHostFixture>, IDisposable
{
    private readonly SeededWorkerHost host = fixture.Host;
    private readonly HttpClient client = fixture.Host.CreateClient();

    public void Dispose() => client.Dispose();

    [Fact]
    public async Task Healthz_RunningService_200Healthy()
    {
        var (status, json) = await GetJsonAsync("healthz");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_StoreSchedulerAndCycleFine_200WithEachCheckHealthy()
    {
        var (status, json) = await GetJsonAsync("readyz");

        Assert.Equal(HttpStatusCode.OK, status);
        var checks = json.GetProperty("checks");
        Assert.Equal(["storage", "scheduler", "pollCycle"], checks.EnumerateObject().Select(c => c.Name));
        Assert.All(checks.EnumerateObject(), c => Assert.Equal("Healthy", c.Value.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Metrics_Prometheus_ExposesTheBacklogGauges()
    {
        var text = await client.GetStringAsync("metrics", TestContext.Current.CancellationToken);

        // Every seeded account's next poll is a day ahead: none due.
        Assert.Matches(new Regex(@"^monitor_accounts_due\{[^}]*\} 0$", RegexOptions.Multiline), text);
        Assert.Matches(new Regex(@"^monitor_accounts_overdue\{[^}]*\} 0$", RegexOptions.Multiline), text);
        Assert.Contains("# TYPE monitor_accounts_due gauge", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_Seeded_ListsStatusLastPollAndLastError()
    {
        var (status, json) = await GetJsonAsync("api/accounts");

        Assert.Equal(HttpStatusCode.OK, status);
        var accounts = json.EnumerateArray().ToDictionary(a => a.GetProperty("id").GetString()!);
        Assert.Equal(["deu-aa", "fra-mfa", "gbr-fcdo", "ita-off", "jpn-mofa", "usa-embassy"], accounts.Keys.Order(StringComparer.Ordinal));
        var deu = accounts["deu-aa"];
        Assert.Equal("unauthorized", deu.GetProperty("status").GetString());
        Assert.Equal(3, deu.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal("HTTP 401: the access token was refused", deu.GetProperty("lastError").GetString());
        var fra = accounts["fra-mfa"];
        Assert.Equal("ok", fra.GetProperty("status").GetString());
        Assert.Equal(host.SeededAt.ToUnixTimeMilliseconds(), fra.GetProperty("lastPollAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.False(accounts["ita-off"].GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task AccountActivity_Last30Days_DailyCountsHeatmapAndFigures()
    {
        var from = host.Today.AddDays(-29);
        var (status, json) = await GetJsonAsync($"api/accounts/fra-mfa/activity?from={from:yyyy-MM-dd}&to={host.Today:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, status);
        var daily = json.GetProperty("daily").EnumerateArray().ToArray();
        Assert.Equal(30, daily.Length);
        Assert.Equal(from.ToString("yyyy-MM-dd"), daily[0].GetProperty("day").GetString());
        var expected = Enumerable.Range(0, 30).Select(i => from.AddDays(i))
            .Select(d => d >= host.Today.AddDays(-10) && d < host.Today ? 2L : 0L).ToArray();
        Assert.Equal(expected, daily.Select(d => d.GetProperty("posts").GetInt64()));

        var heatmap = json.GetProperty("heatmap").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetInt64()).ToArray()).ToArray();
        Assert.Equal(7, heatmap.Length);
        Assert.All(heatmap, row => Assert.Equal(24, row.Length));
        Assert.Equal(SeededWorkerHost.FraPosts, heatmap.Sum(row => row.Sum()));
        Assert.Equal(SeededWorkerHost.FraPosts / 2, heatmap.Sum(row => row[9]));
        Assert.Equal(SeededWorkerHost.FraPosts / 2, heatmap.Sum(row => row[15]));
        var yesterday = ((int)host.Today.AddDays(-1).DayOfWeek + 6) % 7;
        // Of the 10 seeded days, yesterday and 7 days before it share a weekday.
        Assert.Equal(2, heatmap[yesterday][9]);

        var activity = json.GetProperty("activity");
        Assert.Equal(SeededWorkerHost.FraPosts, activity.GetProperty("posts").GetInt64());
        Assert.Equal(10, activity.GetProperty("activeDays").GetInt64());
        Assert.Equal(1000, activity.GetProperty("followersEnd").GetInt64());
    }

    [Fact]
    public async Task AccountActivity_UnknownAccount_404()
    {
        var (status, json) = await GetJsonAsync("api/accounts/nope/activity");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("No enabled account 'nope'.", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Leaderboard_PostsPerDay_RanksBySeededPosts()
    {
        var (status, json) = await GetJsonAsync($"api/reports/leaderboard?to={host.Today:yyyy-MM-dd}&top=2");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = json.EnumerateArray().ToArray();
        Assert.Equal(["fra-mfa", "gbr-fcdo"], rows.Select(r => r.GetProperty("accountId").GetString()));
        Assert.Equal(SeededWorkerHost.FraPosts / 30.0, rows[0].GetProperty("value").GetDouble(), 9);
    }

    [Fact]
    public async Task Leaderboard_FollowersOnRss_OnlyAccountsWithTheFigure()
    {
        var (_, json) = await GetJsonAsync($"api/reports/leaderboard?to={host.Today:yyyy-MM-dd}&by=followers&platform=RSS&actor=foreignministry");

        Assert.Equal(["fra-mfa"], json.EnumerateArray().Select(r => r.GetProperty("accountId").GetString()));
    }

    [Fact]
    public async Task Dormant_Seeded_ListsTheAccountThatNeverPosted()
    {
        var (_, json) = await GetJsonAsync($"api/reports/dormant?to={host.Today:yyyy-MM-dd}");

        // deu-aa never posted either, but its platform refused access: its status is unauthorized, not inactive.
        Assert.Equal(["jpn-mofa", "usa-embassy"], json.EnumerateArray().Select(r => r.GetProperty("accountId").GetString()));
    }

    [Fact]
    public async Task Presence_Seeded_CountriesPerPlatform()
    {
        var (_, json) = await GetJsonAsync("api/reports/presence");

        var platforms = json.GetProperty("platforms").EnumerateArray()
            .ToDictionary(p => p.GetProperty("platform").GetString()!, p => p.GetProperty("present").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["bluesky"] = 1, ["mastodon"] = 1, ["rss"] = 3 }, platforms);
    }

    [Theory]
    [InlineData("api/reports/leaderboard?top=0", "'top' must be a whole number from 1 to 1000.")]
    [InlineData("api/reports/activity?from=2026-13-01", "'from' must be a UTC date yyyy-MM-dd.")]
    [InlineData("api/reports/dormant?from=2026-05-02&to=2026-05-01", "'to' (2026-05-01) is before 'from' (2026-05-02).")]
    [InlineData("api/reports/leaderboard?by=likes", "'by' must be one of PostsPerDay, Followers, FollowerGrowth (case-insensitive).")]
    public async Task Reports_BadQuery_400WithTheReason(string path, string error)
    {
        var (status, json) = await GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Account_Known_StateOfItsLastPoll()
    {
        var (status, json) = await GetJsonAsync("api/accounts/jpn-mofa");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("error", json.GetProperty("status").GetString());
        Assert.Equal("Connection refused (127.0.0.1:1)", json.GetProperty("lastError").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("lastSuccessAt").ValueKind);
        Assert.Equal(2, json.GetProperty("consecutiveFailures").GetInt32());
    }

    [Theory]
    [InlineData("api/accounts/nope")]
    [InlineData("api/accounts/nope/posts")]
    [InlineData("api/accounts/nope/snapshots")]
    [InlineData("api/accounts/nope/followers")]
    public async Task AccountPages_UnknownAccount_404(string path)
    {
        var (status, json) = await GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("No account 'nope'.", json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AccountPosts_Limit_NewestFirstWithEditedAndDeleted()
    {
        var (status, json) = await GetJsonAsync("api/accounts/fra-mfa/posts?limit=3");
        var (_, all) = await GetJsonAsync("api/accounts/fra-mfa/posts?limit=200");

        Assert.Equal(HttpStatusCode.OK, status);
        var posts = json.EnumerateArray().ToArray();
        Assert.Equal(["p-1-15", SeededWorkerHost.EditedPostId, "p-2-15"], posts.Select(p => p.GetProperty("postId").GetString()));
        Assert.Equal("Statement 1/9", posts[1].GetProperty("title").GetString());
        Assert.Equal("A corrected statement.", posts[1].GetProperty("snippet").GetString());
        Assert.Equal(host.SeededAt.ToUnixTimeMilliseconds(), posts[1].GetProperty("editedAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(JsonValueKind.Null, posts[0].GetProperty("editedAt").ValueKind);
        Assert.Equal(
            [("fr", true, "http://127.0.0.1:1/media/p-1-15.jpg http://127.0.0.1:1/media/clip.mp4"), ("fr", false, SeededWorkerHost.EditedPostPhoto), (null, false, "")],
            posts.Select(p => (p.GetProperty("language").GetString(), p.GetProperty("languageDetected").GetBoolean(),
                string.Join(' ', p.GetProperty("media").EnumerateArray().Select(m => m.GetString())))));
        var byId = all.EnumerateArray().ToDictionary(p => p.GetProperty("postId").GetString()!);
        Assert.Equal(SeededWorkerHost.FraPosts, byId.Count);
        Assert.Equal(
            [SeededWorkerHost.DeletedPostId],
            byId.Values.Where(p => p.GetProperty("deletedAt").ValueKind != JsonValueKind.Null).Select(p => p.GetProperty("postId").GetString()));
    }

    [Fact]
    public async Task AccountSnapshots_Fra_BothPollsNewestFirst()
    {
        var (status, json) = await GetJsonAsync("api/accounts/fra-mfa/snapshots");

        Assert.Equal(HttpStatusCode.OK, status);
        var polls = json.EnumerateArray().ToArray();
        Assert.Equal([1000L, 900L], polls.Select(p => p.GetProperty("followers").GetInt64()));
        Assert.Equal([120L, 90L], polls.Select(p => p.GetProperty("durationMs").GetInt64()));
        Assert.Equal(["ok", "ok"], polls.Select(p => p.GetProperty("status").GetString()));
        Assert.Equal([0, SeededWorkerHost.FraPosts], polls.Select(p => p.GetProperty("newPosts").GetInt32()));
        Assert.Equal(200, polls[0].GetProperty("httpStatus").GetInt32());
    }

    [Fact]
    public async Task AccountFollowers_Fra_LastCountOfEachDayWithOne()
    {
        var (status, json) = await GetJsonAsync($"api/accounts/fra-mfa/followers?to={host.Today:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            [($"{DateOnly.FromDateTime(host.SeededAt.AddDays(-2).UtcDateTime):yyyy-MM-dd}", 900L), ($"{host.Today:yyyy-MM-dd}", 1000L)],
            json.EnumerateArray().Select(d => (d.GetProperty("day").GetString(), d.GetProperty("followers").GetInt64())));
    }

    [Theory]
    [InlineData("api/accounts/fra-mfa/posts?limit=0", "'limit' must be a whole number from 1 to 200.")]
    [InlineData("api/accounts/fra-mfa/posts?limit=x", "'limit' must be a whole number from 1 to 200.")]
    [InlineData("api/accounts/fra-mfa/snapshots?limit=501", "'limit' must be a whole number from 1 to 500.")]
    [InlineData("api/accounts/fra-mfa/followers?from=2026-1-1", "'from' must be a UTC date yyyy-MM-dd.")]
    [InlineData("api/reports/posts-per-day?to=yesterday", "'to' must be a UTC date yyyy-MM-dd.")]
    public async Task AccountPages_BadQuery_400WithTheReason(string path, string error)
    {
        var (status, json) = await GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(error, json.GetProperty("error").GetString());
    }

    [Fact]
    public async Task PostsPerDay_Last30Days_EveryDayPerPlatformOfEnabledAccounts()
    {
        var from = host.Today.AddDays(-29);
        var (status, json) = await GetJsonAsync($"api/reports/posts-per-day?from={from:yyyy-MM-dd}&to={host.Today:yyyy-MM-dd}");

        Assert.Equal(HttpStatusCode.OK, status);
        var days = json.GetProperty("days").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(Enumerable.Range(0, 30).Select(i => from.AddDays(i)), days);
        var platform = Assert.Single(json.GetProperty("platforms").EnumerateArray());
        Assert.Equal("rss", platform.GetProperty("platform").GetString());
        // fra-mfa: 2 a day on the 10 days before today; gbr-fcdo: 1 a day on the 5 days before yesterday.
        var expected = days.Select(d => (d >= host.Today.AddDays(-10) && d < host.Today ? 2L : 0L)
            + (d >= host.Today.AddDays(-1 - SeededWorkerHost.GbrPosts) && d < host.Today.AddDays(-1) ? 1L : 0L));
        Assert.Equal(expected, platform.GetProperty("posts").EnumerateArray().Select(p => p.GetInt64()));
    }

    [Fact]
    public async Task Status_DefaultCycleInterval_RefreshEveryMinute()
    {
        var (status, json) = await GetJsonAsync("api/status");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(60, json.GetProperty("cycleIntervalSeconds").GetDouble());
        Assert.Equal(60, json.GetProperty("refreshSeconds").GetDouble());
    }

    [Fact]
    public async Task DashboardCalls_EveryEndpoint_LogNothingAtInformation()
    {
        // What one overview and one account page load ask for; polls (the scheduler's) are not part of it.
        string[] calls =
        [
            "api/status", "api/accounts", "api/reports/activity", "api/reports/presence", "api/reports/dormant", "api/reports/posts-per-day",
            "api/reports/leaderboard", "api/accounts/fra-mfa", "api/accounts/fra-mfa/activity", "api/accounts/fra-mfa/posts",
            "api/accounts/fra-mfa/snapshots", "api/accounts/fra-mfa/followers", "", "static/app.js",
        ];
        var before = host.Logs.GetSnapshot().Count;

        foreach (var call in calls)
        {
            using var response = await client.GetAsync(call, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var web = host.Logs.GetSnapshot().Skip(before)
            .Where(r => r.Level >= Microsoft.Extensions.Logging.LogLevel.Information)
            .Where(r => r.Category is { } c && (c.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                || c.StartsWith("Monitor.Worker.Web", StringComparison.Ordinal) || c.StartsWith("Monitor.Core.Activity", StringComparison.Ordinal)
                || c.StartsWith("Monitor.Core.Storage", StringComparison.Ordinal)))
            .Select(r => $"{r.Category}: {r.Message}");
        Assert.Empty(web);
    }

    [Fact]
    public async Task Api_Post_IsNotAllowed()
    {
        using var response = await client.PostAsync("api/accounts", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Root_ServesThePageAndTheVendoredChartLibrary()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await client.GetAsync("", ct);
        var page = await response.Content.ReadAsStringAsync(ct);
        using var chart = await client.GetAsync("lib/chartjs/chart.umd.min.js", ct);

        Assert.Contains("<table id=\"leaderboard\"", page, StringComparison.Ordinal);
        // Behind a key the page must be asked for again, never shown from the browser's cache after signing out.
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.StartsWith("/*!\n * Chart.js v4.6.1", await chart.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/readyz")]
    [InlineData("/healthz")]
    public async Task HealthcheckCommand_RunningService_Exit0(string path)
    {
        var result = await CliRunner.RunAsync(["healthcheck", "--path", path, $"--Kestrel:Endpoints:Http:Url={host.BaseAddress.GetLeftPart(UriPartial.Authority)}"]);

        Assert.Equal((0, $"{path}: HTTP 200"), (result.ExitCode, result.Output.Trim()));
    }

    [Fact]
    public async Task PostVersions_EditedAndDeletedPosts_ListEveryVersionInOrder()
    {
        var (status, edited) = await GetJsonAsync($"api/posts/rss/fra-mfa/{SeededWorkerHost.EditedPostId}/versions");
        var (_, deleted) = await GetJsonAsync($"api/posts/rss/fra-mfa/{SeededWorkerHost.DeletedPostId}/versions");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            [(1, "created", "A statement."), (2, "edited", "A corrected statement.")],
            edited.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("reason").GetString()!, v.GetProperty("text").GetString()!)));
        var first = edited[0];
        Assert.Equal(
            ["version", "reason", "capturedAt", "contentHash", "title", "text", "url", "media", "captureId", "evidence"],
            first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, first.GetProperty("evidence").ValueKind);
        Assert.All(edited.EnumerateArray(), v => Assert.Equal([SeededWorkerHost.EditedPostPhoto], v.GetProperty("media").EnumerateArray().Select(m => m.GetString())));
        Assert.All(deleted.EnumerateArray(), v => Assert.Equal(0, v.GetProperty("media").GetArrayLength()));
        Assert.Equal(
            [("created", (string?)null), ("deleted", "notFound")],
            deleted.EnumerateArray().Select(v => (v.GetProperty("reason").GetString()!, v.GetProperty("evidence").GetString())));
    }

    [Theory]
    [InlineData("api/posts/rss/fra-mfa/nope/versions", "No post 'nope' of account 'fra-mfa' on 'rss'.")]
    [InlineData("api/posts/mastodon/fra-mfa/p-1-9/versions", "No post 'p-1-9' of account 'fra-mfa' on 'mastodon'.")]
    [InlineData("api/posts/rss/fra-mfa/p-1-9", "Expected /api/posts/{platform}/{accountId}/{postId}/versions.")]
    public async Task PostVersions_UnknownPostOrPath_404(string path, string error)
    {
        var (status, json) = await GetJsonAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(error, json.GetProperty("error").GetString());
    }

    private async Task<(HttpStatusCode Status, JsonElement Json)> GetJsonAsync(string path)
    {
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }
}
