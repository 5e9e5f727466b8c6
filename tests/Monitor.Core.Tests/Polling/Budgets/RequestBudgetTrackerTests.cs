using System.Net;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters.YouTube;
using Monitor.Core.Polling.Budgets;

namespace Monitor.Core.Tests.Polling.Budgets;

public sealed class RequestBudgetTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 10, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(Start);

    [Fact]
    public void Reserve_BudgetSpent_RefusesNamingTheBudgetAndItsReset()
    {
        var tracker = Tracker("x", requests: 3, window: TimeSpan.FromMinutes(15));
        var account = Account("x", "a");

        for (var i = 0; i < 3; i++)
        {
            tracker.Settle(tracker.Reserve(account), 1);
        }

        var refused = tracker.Reserve(account);

        Assert.True(refused.Refused);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 12, 15, 0, TimeSpan.Zero), refused.ResetsAt);
        Assert.Equal("budget: x requests spent (3 requests per 00:15:00); resets at 2026-11-01T12:15:00Z", refused.Refusal);
    }

    [Fact]
    public void Reserve_WindowRollsOver_AdmitsAgain()
    {
        var tracker = Tracker("x", requests: 2, window: TimeSpan.FromMinutes(15));
        var account = Account("x", "a");
        tracker.Settle(tracker.Reserve(account), 2);
        Assert.True(tracker.Reserve(account).Refused);

        time.SetUtcNow(new DateTimeOffset(2026, 11, 1, 12, 14, 59, TimeSpan.Zero));
        Assert.True(tracker.Reserve(account).Refused);
        time.SetUtcNow(new DateTimeOffset(2026, 11, 1, 12, 15, 0, TimeSpan.Zero));

        Assert.False(tracker.Reserve(account).Refused);
    }

    [Fact]
    public void Reserve_ExpectedCostWouldExceed_RefusesBeforeTheBudgetIsFullySpent()
    {
        var tracker = Tracker("x", requests: 10, window: TimeSpan.FromHours(1));
        var account = Account("x", "a");
        tracker.Settle(tracker.Reserve(account), 4);
        tracker.Settle(tracker.Reserve(account), 4);

        // 8 of 10 spent and a poll costs about 4: it would exceed the budget.
        Assert.True(tracker.Reserve(account).Refused);
    }

    [Fact]
    public void Reserve_PerHost_KeepsOneBudgetPerMastodonInstance()
    {
        var tracker = new RequestBudgetTracker(
            [new PlatformBudget(Platforms.Mastodon, new RequestBudgetOptions { Requests = 1, Window = TimeSpan.FromMinutes(5), PerHost = true }, "requests")], time);
        tracker.Settle(tracker.Reserve(new TrackedAccount("a", Platforms.Mastodon, "@a@one.example", "FRA", ActorType.Embassy)), 1);

        var sameInstance = tracker.Reserve(new TrackedAccount("b", Platforms.Mastodon, "@b@one.example", "FRA", ActorType.Embassy));
        var otherInstance = tracker.Reserve(new TrackedAccount("c", Platforms.Mastodon, "@c@two.example", "FRA", ActorType.Embassy));

        Assert.StartsWith("budget: mastodon one.example requests spent (1 requests per 00:05:00)", sameInstance.Refusal);
        Assert.False(otherInstance.Refused);
    }

    [Fact]
    public async Task Reserve_PlatformWithoutBudget_IsNeverRefused()
    {
        var tracker = Tracker("x", requests: 0, window: TimeSpan.FromHours(1));

        for (var i = 0; i < 100; i++)
        {
            tracker.Settle(tracker.Reserve(Account("x", "a")), 5);
        }

        Assert.False(tracker.Reserve(Account("x", "a")).Refused);
        Assert.Null(await tracker.MinimumIntervalAsync(Account("x", "a"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task MinimumInterval_SpreadsTheBudgetOverTheAccountsUntilItsReset()
    {
        var tracker = Tracker("x", requests: 100, window: TimeSpan.FromMinutes(15));
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            tracker.Settle(tracker.Reserve(Account("x", id)), 2);
        }

        // 15 min × 5 accounts × 2 requests a poll ÷ 100 requests = 1.5 min.
        Assert.Equal(TimeSpan.FromSeconds(90), await tracker.MinimumIntervalAsync(Account("x", "a"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void WindowStart_YouTubeDefault_ResetsAtMidnightPacificStandardTime()
    {
        var budget = new YouTubeOptions().Budget;

        var start = budget.WindowStart(new DateTimeOffset(2026, 12, 2, 7, 59, 0, TimeSpan.Zero));

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(10_000, budget.Requests);
    }

    [Fact]
    public async Task RequestMeterHandler_CountsEachRequestOfThePollAtItsCost()
    {
        var options = new YouTubeOptions { ApiBaseUrl = "http://127.0.0.1:1/youtube/v3" };
        using var client = new HttpClient(new RequestMeterHandler(options.RequestCost) { InnerHandler = new AnswerOk() });

        int cost;
        using (var meter = RequestMeter.Begin())
        {
            await client.GetAsync(new Uri("http://127.0.0.1:1/youtube/v3/channels?id=1"), TestContext.Current.CancellationToken);
            await client.GetAsync(new Uri("http://127.0.0.1:1/youtube/v3/playlistItems?id=1"), TestContext.Current.CancellationToken);
            await client.GetAsync(new Uri("http://127.0.0.1:1/feeds/videos.xml?channel_id=1"), TestContext.Current.CancellationToken);
            cost = meter.Cost;
        }

        Assert.Equal(2, cost);
        Assert.Null(RequestMeter.Current);
    }

    private RequestBudgetTracker Tracker(string platform, int requests, TimeSpan window) =>
        new([new PlatformBudget(platform, new RequestBudgetOptions { Requests = requests, Window = window }, "requests")], time);

    private static TrackedAccount Account(string platform, string id) => new(id, platform, id, "GBR", ActorType.Embassy);

    private sealed class AnswerOk : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
