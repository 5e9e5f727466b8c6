using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Testing;

namespace Monitor.Core.Tests.Polling;

public sealed class PollCycleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string directory = Directory.CreateTempSubdirectory("monitor-cycle-").FullName;
    private readonly FakeTimeProvider time = new(Start);
    private readonly ScriptedAdapter adapter = new();
    private ServiceProvider services = null!;

    public async ValueTask InitializeAsync()
    {
        services = MonitorTestServices.Build(
            new Dictionary<string, string?>
            {
                ["Monitor:Storage:Sqlite:Path"] = Path.Combine(directory, "monitor.db"),
                ["Monitor:Polling:ErrorBackoffBase"] = "00:10:00",
                ["Monitor:Polling:ErrorBackoffMax"] = "02:00:00",
            },
            time,
            s => s.AddSingleton<IPlatformAdapter>(adapter));
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(CancellationToken.None);
    }

    [Fact]
    public async Task RunAsync_MalformedAndCrashingAccounts_FailAloneWhileOthersAreStored()
    {
        adapter.On("good", _ => Ok(Posts(3), cursor: "p3"))
            .On("malformed", _ => throw new PayloadFormatException("Feed is not well-formed XML (line 3, position 7)."))
            .On("crash", _ => throw new InvalidOperationException("adapter bug"));
        await SyncAsync("good", "malformed", "crash");

        var summary = await RunCycleAsync();

        Assert.Equal(3, summary.Polls.Count);
        Assert.Equal(PollStatus.Ok, Poll(summary, "good").Status);
        Assert.Equal(3, Poll(summary, "good").NewPosts);
        Assert.Equal(PollStatus.Error, Poll(summary, "malformed").Status);
        Assert.Equal("Feed is not well-formed XML (line 3, position 7).", Poll(summary, "malformed").Error);
        Assert.Equal("InvalidOperationException: adapter bug", Poll(summary, "crash").Error);

        var states = await StatesAsync();
        Assert.Equal("p3", states["good"].Cursor.Position);
        Assert.Null(states["malformed"].Cursor.Position);
        Assert.Equal(1, states["malformed"].ConsecutiveFailures);
        var snapshots = await SnapshotsAsync();
        Assert.Equal(["crash:error", "good:ok", "malformed:error"],
            snapshots.Select(s => $"{s.AccountId}:{s.Status.ToWireName()}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RunAsync_FailingAccount_BacksOffExponentiallyUpToTheCapAndKeepsRetrying()
    {
        adapter.On("down", _ => FetchResult.Failed(PollStatus.Error, "HTTP 503 Service Unavailable", 503));
        await SyncAsync("down");
        var delays = new List<TimeSpan>();

        for (var i = 0; i < 6; i++)
        {
            await RunCycleAsync();
            var state = (await StatesAsync())["down"];
            delays.Add(state.NextPollAt!.Value - time.GetUtcNow());
            time.SetUtcNow(state.NextPollAt.Value);
        }

        // 10, 20, 40, 80 min, then capped at 120 min; each within the ±20% jitter.
        double[] expectedMinutes = [10, 20, 40, 80, 120, 120];
        for (var i = 0; i < expectedMinutes.Length; i++)
        {
            Assert.InRange(delays[i].TotalMinutes, Math.Min(expectedMinutes[i] * 0.8, 120), Math.Min(expectedMinutes[i] * 1.2, 120));
        }

        Assert.Equal(6, adapter.Calls["down"]);
    }

    [Fact]
    public async Task RunAsync_RateLimitedWithReset_IsNotPolledBeforeTheReset()
    {
        var reset = Start.AddHours(3);
        adapter.On("limited", _ => FetchResult.Failed(PollStatus.RateLimited, "HTTP 429", 429, reset));
        await SyncAsync("limited");

        await RunCycleAsync();
        Assert.Equal(reset, (await StatesAsync())["limited"].NextPollAt);
        time.SetUtcNow(reset.AddMinutes(-1));
        var early = await RunCycleAsync();
        time.SetUtcNow(reset);
        var due = await RunCycleAsync();

        Assert.Empty(early.Polls);
        Assert.Single(due.Polls);
        Assert.Equal(2, (await SnapshotsAsync()).Count);
    }

    [Fact]
    public async Task RunAsync_SecondCycleWithoutTimePassing_PollsNothing()
    {
        adapter.On("a", _ => Ok(Posts(1), cursor: "p1"));
        await SyncAsync("a");

        var first = await RunCycleAsync();
        var second = await RunCycleAsync();

        Assert.Single(first.Polls);
        Assert.Empty(second.Polls);
    }

    [Fact]
    public async Task RunAsync_CancelledMidFetch_AbandonsThePollAndGivesTheLeaseBack()
    {
        var entered = new TaskCompletionSource();
        adapter.On("slow", async (_, ct) =>
        {
            entered.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
            return Ok([], null);
        });
        await SyncAsync("slow");
        using var cts = new CancellationTokenSource();

        var run = services.GetRequiredService<PollCycle>().RunAsync(new CycleRequest(), cts.Token);
        await entered.Task;
        await cts.CancelAsync();
        var summary = await run;

        Assert.Empty(summary.Polls);
        Assert.Empty(await SnapshotsAsync());
        var claimed = await services.GetRequiredService<IAccountStore>().ClaimDueAsync(
            new ClaimRequest("other-worker", time.GetUtcNow(), TimeSpan.FromMinutes(5), 10), CancellationToken.None);
        Assert.Equal("slow", Assert.Single(claimed).Account.Id);
    }

    private static FetchResult Ok(IReadOnlyList<Post> posts, string? cursor) =>
        new() { Status = PollStatus.Ok, HttpStatus = 200, Posts = posts, Cursor = new PollCursor(Position: cursor) };

    private static Post[] Posts(int count) =>
        Enumerable.Range(1, count).Select(i => new Post { PostId = $"p{i}", PublishedAt = Start.AddHours(-i), Text = $"post {i}" }).ToArray();

    private static AccountPollSummary Poll(CycleSummary summary, string id) => summary.Polls.Single(p => p.AccountId == id);

    private Task SyncAsync(params string[] handles) =>
        services.GetRequiredService<IAccountStore>().SyncAccountsAsync(
            handles.Select(h => new TrackedAccount(h, ScriptedAdapter.Key, h, "GBR", ActorType.Embassy)).ToArray(),
            time.GetUtcNow(), CancellationToken.None);

    private Task<CycleSummary> RunCycleAsync() =>
        services.GetRequiredService<PollCycle>().RunAsync(new CycleRequest(), CancellationToken.None);

    private async Task<Dictionary<string, PollState>> StatesAsync() =>
        (await services.GetRequiredService<IAccountStore>().ListAccountsAsync(CancellationToken.None)).ToDictionary(r => r.Account.Id, r => r.State);

    private async Task<List<ActivitySnapshot>> SnapshotsAsync()
    {
        var list = new List<ActivitySnapshot>();
        await foreach (var s in services.GetRequiredService<IRecordReader>().ReadSnapshotsAsync(new RecordFilter(), CancellationToken.None))
        {
            list.Add(s);
        }

        return list;
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
