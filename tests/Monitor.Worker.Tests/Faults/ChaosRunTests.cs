using Microsoft.Extensions.Logging;
using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Worker.Tests.Faults;

/// <summary>
/// Chaos run: a feed farm answers 30% 5xx, 10% timeouts, 5% 429 with Retry-After and 2% malformed bodies while posts
/// keep being published. After enough cycles every post the farm delivered is stored exactly once, every failed poll
/// left a snapshot, and nothing crashed.
/// </summary>
public sealed class ChaosRunTests : IDisposable
{
    private const int Feeds = 12;
    private const int PublishingCycles = 3;
    private const int MaxCycles = 25;

    private readonly string directory = Directory.CreateTempSubdirectory("monitor-chaos-").FullName;

    [Fact]
    public async Task Cycles_UnderInjectedFaults_StoreEveryServedPostOnceAndSnapshotEveryFailure()
    {
        await using var farm = await FeedFarm.StartAsync(Feeds, postsPerFeed: 3, new FeedFarmFaults
        {
            Seed = 4242, ServerErrors = 0.30, Timeouts = 0.10, RateLimits = 0.05, MalformedBodies = 0.02,
        });
        await using var host = await FaultHost.StartAsync(farm, Path.Combine(directory, "monitor.db"));
        var publisher = new Random(7);
        var pending = Enumerable.Range(0, Feeds).ToHashSet(); // feeds with a post not yet fetched successfully
        int polls = 0, failures = 0, cycles = 0;

        while (cycles < MaxCycles && (cycles < PublishingCycles || pending.Count > 0))
        {
            if (cycles < PublishingCycles)
            {
                var feed = publisher.Next(Feeds);
                farm.Publish(feed, 1 + publisher.Next(2));
                pending.Add(feed);
            }

            var summary = await host.CycleAsync();
            cycles++;
            polls += summary.Polls.Count;
            failures += summary.Failed;
            Assert.Equal(Feeds, summary.Polls.Count);
            foreach (var poll in summary.Polls.Where(p => p.Status.IsSuccess()))
            {
                pending.Remove(int.Parse(poll.AccountId[5..], System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        Assert.True(pending.Count == 0, $"after {cycles} cycles feeds {string.Join(", ", pending)} never succeeded after their last post");
        var counts = farm.Counts();
        Assert.True(counts is { ServerErrors: > 0, Timeouts: > 0, RateLimits: > 0, MalformedBodies: > 0 }, $"every fault was injected: {counts}");

        var stored = FaultHost.Keys(await host.PostsAsync());
        Assert.Equal(farm.Published().Count, farm.Served().Count);
        Assert.Equal(farm.Served().OrderBy(k => k), stored.OrderBy(k => k));

        var snapshots = await host.SnapshotsAsync();
        Assert.Equal(polls, snapshots.Count);
        var failed = snapshots.Where(s => !s.Status.IsSuccess()).ToList();
        Assert.True(failures > 0, "the faults made some polls fail");
        Assert.Equal(failures, failed.Count);
        Assert.All(failed, s => Assert.False(string.IsNullOrWhiteSpace(s.Error), $"{s.AccountId} {s.Status} has no error text"));
        // Polly logs its own timeouts at Error; Monitor.* errors would mean a crashed adapter or a failed write.
        Assert.Empty(host.Logs.GetSnapshot()
            .Where(r => r.Level >= LogLevel.Error && r.Category?.StartsWith("Monitor", StringComparison.Ordinal) == true)
            .Select(r => r.Message));
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
