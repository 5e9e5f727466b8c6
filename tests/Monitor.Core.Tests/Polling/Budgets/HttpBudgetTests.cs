using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Storage;
using Monitor.Core.Tests.Storage;
using Monitor.Testing;

namespace Monitor.Core.Tests.Polling.Budgets;

/// <summary>The budget is spent by the requests the real rss adapter sends through its HttpClient pipeline.</summary>
public sealed class HttpBudgetTests
{
    private const string Feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><guid>1</guid><title>one</title><pubDate>Sun, 01 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>""";

    [Fact]
    public async Task RunAsync_RedirectedFeeds_SpendTwoRequestsEachAndTheSecondIsDeferred()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Path.StartsWithSegments("/moved", StringComparison.Ordinal))
            {
                context.Response.Redirect("/feed" + context.Request.Path.Value!["/moved".Length..]);
                return;
            }

            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(Feed, cancellationToken);
        });
        using var file = new TempSqliteFile();
        var settings = file.Settings();
        settings["Monitor:Polling:MaxConcurrency"] = "1";
        settings["Monitor:Platforms:Rss:Budget:Requests"] = "3";
        settings["Monitor:Platforms:Rss:Budget:Window"] = "01:00:00";
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        await using var services = MonitorTestServices.Build(settings, time);
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(cancellationToken);
        await services.GetRequiredService<IAccountStore>().SyncAccountsAsync(
            new[] { "a", "b" }.Select(id => new TrackedAccount(id, Platforms.Rss, server.Url("/moved/" + id), "GBR", ActorType.Embassy)).ToArray(),
            time.GetUtcNow(), cancellationToken);

        var summary = await services.GetRequiredService<PollCycle>().RunAsync(new CycleRequest(), cancellationToken);

        // The first poll sent 2 requests (redirect + feed) of 3; the next poll is expected to cost 2 as well: deferred.
        Assert.Equal([PollStatus.Ok, PollStatus.RateLimited], summary.Polls.Select(p => p.Status).Order());
        Assert.StartsWith("budget: rss requests spent (3 requests per 01:00:00); resets at 2026-11-01T13:00:00Z",
            summary.Polls.Single(p => p.Status == PollStatus.RateLimited).Error);
        Assert.Equal(2, server.Requests.Count);
    }
}
