using Microsoft.Playwright;

namespace Monitor.Worker.Tests.Web;

/// <summary>
/// The dashboard in headless Chromium (Debian's <c>chromium</c> package, which <c>.ci/run</c> installs) against the
/// seeded service host. Time in the page runs on Playwright's fake clock where the test needs it (self-refresh).
/// Screenshots go to <c>TestResults/</c> at the repository root (beside the TRX files) and are attached to the test.
/// Without /usr/bin/chromium the tests are skipped, never passed.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class DashboardBrowserTests(SeededHostFixture fixture) : IClassFixture<SeededHostFixture>
{
    [Fact]
    public async Task Overview_SeededStore_LoadingStateThenRankedLeaderboardBesideTheStackedChart()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/reports/activity?**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        await page.Locator("#loading").WaitForAsync();
        Assert.Equal("loading", await page.Locator("body").GetAttributeAsync("data-state"));
        Assert.Equal("Loading…", await page.Locator("#updated").InnerTextAsync());
        Assert.True(await page.Locator("#overview").IsHiddenAsync());
        release.SetResult();
        await page.WaitForSelectorAsync("body[data-ready=true]");
        Assert.True(await page.Locator("#loading").IsHiddenAsync());

        // Only accounts with posts in the window are ranked; the rest are named below the table with their status.
        Assert.Equal(["fra-mfa", "gbr-fcdo"], await RowIdsAsync(page, "#leaderboard tbody tr"));
        Assert.Equal(["1", "2"], await page.Locator("#leaderboard tbody tr td:first-child").AllInnerTextsAsync());
        Assert.Equal(
            "Not ranked (no posts in this window): Auswärtiges Amt (unauthorized), Japan MOFA (never reached), US Embassy (inactive).",
            await page.Locator("#unranked").InnerTextAsync());
        Assert.Contains("HTTP 401: the access token was refused", await page.Locator("#trouble").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("error · never reached", await page.Locator("#trouble tr[data-account=jpn-mofa] td.status").InnerTextAsync());
        Assert.Equal("unauthorized", await page.Locator("#trouble tr[data-account=deu-aa] td.status").InnerTextAsync());
        Assert.Equal(["jpn-mofa", "usa-embassy"], await RowIdsAsync(page, "#dormant tbody tr"));
        Assert.Equal(["never reached", "inactive"], await page.Locator("#dormant tbody td.status").AllInnerTextsAsync());
        Assert.Equal(5, await page.Locator("#presence tbody tr").CountAsync());

        // Posts per day by platform: stacked, every day of the window, beside the leaderboard.
        var chart = await page.EvaluateAsync<ChartSummary>("""
            () => { const c = Chart.getChart('platform-chart'); return { days: c.data.labels.length, platforms: c.data.datasets.map(d => d.label),
              total: c.data.datasets.flatMap(d => d.data).reduce((a, b) => a + b, 0), stacked: c.options.scales.x.stacked && c.options.scales.y.stacked }; }
            """);
        Assert.Equal((30, SeededWorkerHost.FraPosts + SeededWorkerHost.GbrPosts, true), (chart.Days, chart.Total, chart.Stacked));
        Assert.Equal(["rss"], chart.Platforms);
        var board = await page.Locator("#leaderboard-section").BoundingBoxAsync();
        var canvas = await page.Locator("#platform-chart").BoundingBoxAsync();
        Assert.True(board is not null && canvas is not null);
        Assert.True(canvas.X >= board.X + board.Width && canvas.Y < board.Y + board.Height, $"chart at {canvas.X},{canvas.Y}; leaderboard {board.X},{board.Y} {board.Width}x{board.Height}");
        Assert.True(canvas.Width > 200 && canvas.Height > 150, $"canvas {canvas.Width}x{canvas.Height}");
        await session.SaveScreenshotAsync("dashboard.png");

        await page.Locator("#leaderboard th[data-key=name]").ClickAsync();
        Assert.Equal(["gbr-fcdo", "fra-mfa"], await RowIdsAsync(page, "#leaderboard tbody tr"));

        // Ranked by followers: only accounts with a follower count (gbr-fcdo's feed has none).
        await page.Locator("#rank-by").SelectOptionAsync("followersEnd");
        Assert.Equal(["fra-mfa", "usa-embassy"], await RowIdsAsync(page, "#leaderboard tbody tr"));
        Assert.StartsWith("Not ranked (no follower count in this window): Auswärtiges Amt", await page.Locator("#unranked").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Empty(session.Failures);
    }

    [Fact]
    public async Task Overview_OnItsOwn_ReloadsEveryCycleIntervalButNotWhileHidden()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        var activityRequests = 0;
        page.Request += (_, request) => activityRequests += request.Url.Contains("/api/reports/activity?", StringComparison.Ordinal) ? 1 : 0;
        await page.Clock.InstallAsync();
        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        await WaitIdleAsync(page, loads: 1);

        // The seeded host polls every minute (the default cycle interval), so the page reloads every 60 s.
        await page.Clock.FastForwardAsync(59_000);
        Assert.Equal("1", await page.Locator("body").GetAttributeAsync("data-loads"));
        await page.Clock.FastForwardAsync(2_000);
        await WaitIdleAsync(page, loads: 2);
        Assert.Equal(2, activityRequests);
        Assert.StartsWith("Updated ", await page.Locator("#updated").InnerTextAsync(), StringComparison.Ordinal);

        await SetVisibilityAsync(page, "hidden");
        await page.Clock.FastForwardAsync(5 * 60_000);
        Assert.Equal("2", await page.Locator("body").GetAttributeAsync("data-loads"));

        // Shown again after more than an interval: it catches up at once.
        await SetVisibilityAsync(page, "visible");
        await WaitIdleAsync(page, loads: 3);
        Assert.Equal(3, activityRequests);
        Assert.Empty(session.Failures);
    }

    [Fact]
    public async Task Overview_EmptyStore_SaysWhatToDoNext()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        await page.RouteAsync("**/api/**", route => route.FulfillAsync(new() { ContentType = "application/json", Body = EmptyAnswer(new Uri(route.Request.Url).AbsolutePath) }));

        await page.GotoAsync(fixture.Host.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-ready=true]");

        Assert.True(await page.Locator("#no-accounts").IsVisibleAsync());
        Assert.Contains("Monitor.Worker accounts validate", await page.Locator("#no-accounts").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("No accounts to rank yet.", await page.Locator("#leaderboard tbody").InnerTextAsync());
        Assert.Equal("Posts appear here once accounts are tracked and polled.", await page.Locator("#platform-empty").InnerTextAsync());
        Assert.True(await page.Locator("#platform-chart").IsHiddenAsync());
        Assert.StartsWith("No poll has finished yet.", await page.Locator("#trouble tbody").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("No enabled accounts", await page.Locator("#presence tbody").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#unranked").IsHiddenAsync());
        await session.SaveScreenshotAsync("dashboard-empty.png");
        Assert.Empty(session.Failures);
    }

    [Fact]
    public async Task Post_EditedBadge_OpensTheVersionsWithAWordDiff()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        await page.GotoAsync(fixture.Host.BaseAddress + "#account/fra-mfa");
        await page.WaitForSelectorAsync("body[data-ready=true] #account:not([hidden])");

        await page.Locator($"#posts tr[data-post='{SeededWorkerHost.EditedPostId}'] a.badge.edited").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true' && !document.getElementById('post').hidden && document.querySelectorAll('#versions li').length === 2");

        Assert.True(await page.Locator("#account").IsHiddenAsync());
        Assert.Equal("Statement 1/9", await page.Locator("#post-title").InnerTextAsync());
        Assert.Equal(["created", "edited"], await page.Locator("#versions li").EvaluateAllAsync<string[]>("items => items.map(li => li.dataset.reason)"));
        var edit = page.Locator("#versions li[data-version='2']");
        Assert.Equal("A corrected statement.", await edit.Locator(".version-text").InnerTextAsync());
        Assert.Equal(["corrected"], (await edit.Locator(".version-text ins").AllInnerTextsAsync()).Select(t => t.Trim()));
        Assert.Empty(await edit.Locator(".version-text del").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("#versions li[data-version='1'] ins, #versions li[data-version='1'] del").CountAsync());

        await page.Locator("#post-back").ClickAsync();
        await page.WaitForSelectorAsync("body[data-ready=true] #account:not([hidden])");
        await page.Locator($"#posts tr[data-post='{SeededWorkerHost.DeletedPostId}'] a.badge.deleted").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true' && document.querySelector('#versions li[data-reason=deleted]') !== null");
        Assert.Contains("deleted (notFound)", await page.Locator("#versions li[data-version='2'] .version-head").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_Seeded_LastPollPostsWithBadgesFollowersAndPollHistory()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        // A slow page left for another: the late answers of the first must not overwrite the second.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/accounts/gbr-fcdo/posts?**", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });
        await page.RunAndWaitForRequestAsync(() => page.GotoAsync(fixture.Host.BaseAddress + "#account/gbr-fcdo"), "**/api/accounts/gbr-fcdo/posts?**");
        await page.EvaluateAsync("() => { location.hash = '#account/fra-mfa'; }");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true' && Chart.getChart('daily-chart')?.data.labels.length === 30");
        await page.RunAndWaitForResponseAsync(() => { release.SetResult(); return Task.CompletedTask; }, "**/api/accounts/gbr-fcdo/posts?**");
        await page.EvaluateAsync("() => new Promise(resolve => setTimeout(resolve, 0))");

        Assert.Contains("France Diplomatie (rss, FRA, ForeignMinistry)", await page.Locator("#account-title").InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("Status\nok", await page.Locator("#last-poll div").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#last-error").IsHiddenAsync());
        var total = await page.EvaluateAsync<int>("() => Chart.getChart('daily-chart').data.datasets[0].data.reduce((a, b) => a + b, 0)");
        Assert.Equal(SeededWorkerHost.FraPosts, total);
        Assert.Equal(7 * 24, await page.Locator("#heatmap tbody td").CountAsync());
        Assert.Equal(new[] { 900, 1000 }, await page.EvaluateAsync<int[]>("() => Chart.getChart('followers-chart').data.datasets[0].data"));

        Assert.Equal(SeededWorkerHost.FraPosts, await page.Locator("#posts tbody tr").CountAsync());
        Assert.Equal("p-1-15", await page.Locator("#posts tbody tr").First.GetAttributeAsync("data-post"));
        Assert.Equal([SeededWorkerHost.EditedPostId], await PostIdsAsync(page, "#posts tbody tr:has(.badge.edited)"));
        Assert.Equal([SeededWorkerHost.DeletedPostId], await PostIdsAsync(page, "#posts tbody tr:has(.badge.deleted)"));
        var edited = page.Locator($"#posts tr[data-post='{SeededWorkerHost.EditedPostId}']");
        Assert.Equal("Statement 1/9", await edited.Locator("td.post a.title").InnerTextAsync());
        Assert.Equal("A corrected statement.", await edited.Locator(".snippet").InnerTextAsync());
        Assert.Equal("fr", await edited.Locator(".badge.lang").InnerTextAsync());
        Assert.Equal([SeededWorkerHost.EditedPostPhoto], await edited.Locator(".media a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)"));
        var newest = page.Locator($"#posts tr[data-post='{SeededWorkerHost.NewestPostId}']");
        Assert.Equal("fr (detected)", await newest.Locator(".badge.lang.detected").InnerTextAsync());
        Assert.Equal("Media: p-1-15.jpg · clip.mp4", await newest.Locator(".media").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#posts a[href^='javascript:']").CountAsync());

        var polls = await page.Locator("#polls tbody tr").AllInnerTextsAsync();
        Assert.Equal(2, polls.Count);
        Assert.Matches(@"^\S+ \S+Z\tok\t200\t0\t19\t1,000\t120 ms", polls[0]);
        Assert.Matches(@"\tok\t200\t20\t20\t900\t90 ms", polls[1]);
        await session.SaveScreenshotAsync("dashboard-account.png");

        await page.Locator("a[href='#']").First.ClickAsync();
        await page.WaitForSelectorAsync("body[data-ready=true] #overview:not([hidden])");
        await page.Locator("#dormant a[href='#account/jpn-mofa']").ClickAsync();
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true' && document.getElementById('account-title').textContent.startsWith('Japan')");
        Assert.StartsWith("Status\nerror · never reached", await page.Locator("#last-poll div").First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Last error: Connection refused (127.0.0.1:1)", await page.Locator("#last-error").InnerTextAsync());
        Assert.Equal("No posts stored yet: they appear after the first successful poll.", await page.Locator("#posts tbody").InnerTextAsync());
        Assert.Equal("No follower counts yet: they come with the first successful poll.", await page.Locator("#followers-empty").InnerTextAsync());
        Assert.StartsWith("No posts between ", await page.Locator("#daily-empty").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("#daily-chart").IsHiddenAsync());
        Assert.Contains("Connection refused (127.0.0.1:1)", Assert.Single(await page.Locator("#polls tbody tr").AllInnerTextsAsync()), StringComparison.Ordinal);
        await session.SaveScreenshotAsync("dashboard-account-unreached.png");
        Assert.Empty(session.Failures);
    }

    [Fact]
    public async Task Account_HostilePostFields_StayTextAndOnlyHttpMediaBecomeLinks()
    {
        await using var session = await BrowserSession.StartAsync();
        var page = session.Page;
        const string Post = """
            [{"postId":"x1","url":"javascript:alert(1)","publishedAt":"2026-11-30T09:00:00Z","kind":"post","title":"<img src=x onerror=alert(1)>",
              "snippet":null,"firstSeenAt":"2026-11-30T09:00:00Z","editedAt":null,"deletedAt":null,
              "media":["javascript:alert(2)","data:image/png;base64,AAAA","https://cdn.example.test/a/photo.jpg"],"language":"<b>fr</b>","languageDetected":true}]
            """;
        await page.RouteAsync("**/api/accounts/fra-mfa/posts?**", route => route.FulfillAsync(new() { ContentType = "application/json", Body = Post }));

        await page.GotoAsync(fixture.Host.BaseAddress + "#account/fra-mfa");
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true' && document.querySelector('#posts tr[data-post=x1]')");

        var row = page.Locator("#posts tr[data-post='x1']");
        Assert.Equal("<img src=x onerror=alert(1)>", await row.Locator("td.post span").First.InnerTextAsync());
        Assert.Equal(0, await row.Locator("img, b").CountAsync());
        Assert.Equal("<b>fr</b> (detected)", await row.Locator(".badge.lang.detected").InnerTextAsync());
        Assert.Equal(["https://cdn.example.test/a/photo.jpg"], await row.Locator("a").EvaluateAllAsync<string[]>("links => links.map(a => a.href)"));
        Assert.Equal("Media: photo.jpg", await row.Locator(".media").InnerTextAsync());
        Assert.Empty(session.Failures);
    }

    private static Task<string[]> RowIdsAsync(IPage page, string rows) =>
        page.Locator(rows).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.account)");

    private static Task<string[]> PostIdsAsync(IPage page, string rows) =>
        page.Locator(rows).EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.post)");

    private static Task WaitIdleAsync(IPage page, int loads) =>
        page.WaitForFunctionAsync($"() => document.body.dataset.loads === '{loads}' && document.body.dataset.busy === 'false'");

    private static Task SetVisibilityAsync(IPage page, string state) =>
        page.EvaluateAsync("""
            state => {
              Object.defineProperty(document, "visibilityState", { configurable: true, get: () => state });
              document.dispatchEvent(new Event("visibilitychange"));
            }
            """, state);

    private static string EmptyAnswer(string path) => path switch
    {
        "/api/status" => """{"cycleIntervalSeconds":60,"refreshSeconds":60,"lastCycleStartedAt":null,"lastCycleFinishedAt":null,"keyRequired":false}""",
        "/api/reports/presence" => """{"countries":[],"platforms":[],"actors":[]}""",
        "/api/reports/posts-per-day" => """{"from":"2026-11-02","to":"2026-12-01","days":[],"platforms":[]}""",
        _ => "[]",
    };

    private sealed class ChartSummary
    {
        public int Days { get; set; }

        public string[] Platforms { get; set; } = [];

        public int Total { get; set; }

        public bool Stacked { get; set; }
    }
}
