using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Testing;

namespace Monitor.Worker.Tests.Faults;

/// <summary>
/// The SQLite file becomes unavailable (another connection holds <c>BEGIN EXCLUSIVE</c>; a lock stops root too,
/// unlike file permissions) before and during a cycle: polls fail cleanly, no cursor advances, and once the store is
/// back the next cycle that may claim the accounts stores everything.
/// </summary>
public sealed class StorageFailureTests : IDisposable
{
    private const int Feeds = 4;

    private readonly string directory = Directory.CreateTempSubdirectory("monitor-storage-").FullName;

    [Fact]
    public async Task Cycle_DatabaseLockedByAnotherConnection_FailsCleanlyAndCatchesUpAfterRecovery()
    {
        var database = Path.Combine(directory, "monitor.db");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var farm = await FeedFarm.StartAsync(Feeds, postsPerFeed: 3);
        await using var host = await FaultHost.StartAsync(farm, database,
            new Dictionary<string, string?> { ["Monitor:Storage:Sqlite:BusyTimeout"] = "00:00:00.200" }, time);
        Assert.Equal(Feeds * 3, (await host.CycleAsync()).NewPosts);
        var cursorsBefore = (await host.AccountsAsync()).Select(a => a.State.Cursor.ETag).ToList();
        var snapshotsBefore = (await host.SnapshotsAsync()).Count;
        for (var feed = 0; feed < Feeds; feed++)
        {
            farm.Publish(feed, 1);
        }

        // Locked before the cycle: the claim fails, nothing is fetched.
        await using (var locked = Lock(database))
        {
            time.Advance(TimeSpan.FromMinutes(1));
            await Assert.ThrowsAsync<StoreUnavailableException>(host.CycleAsync);
            Assert.Equal(Feeds, farm.RequestCount);
        }

        // Locked while the fetches are in flight: every fetch succeeds, every write fails.
        SqliteConnection? midCycle = null;
        farm.OnRequest = _ =>
        {
            lock (farm)
            {
                midCycle ??= Lock(database);
            }

            return Task.CompletedTask;
        };
        time.Advance(TimeSpan.FromMinutes(1));
        var failed = await CycleOrStoreUnavailableAsync(host);
        farm.OnRequest = null;
        await midCycle!.DisposeAsync();

        Assert.True(farm.RequestCount > Feeds, "the mid-cycle fetches happened");
        Assert.All(failed?.Polls ?? [], p => Assert.StartsWith("Storing the poll failed", p.Error, StringComparison.Ordinal));
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 1104);
        Assert.Equal(Feeds * 3, (await host.PostsAsync()).Count);
        Assert.Equal(snapshotsBefore, (await host.SnapshotsAsync()).Count);
        Assert.Equal(cursorsBefore, (await host.AccountsAsync()).Select(a => a.State.Cursor.ETag).ToList());

        // Back: accounts whose write failed stay leased to this worker until the lease runs out, then are caught up.
        time.Advance(TimeSpan.FromMinutes(11));
        var recovered = await host.CycleAsync();

        Assert.Equal(Feeds, recovered.Polls.Count);
        Assert.All(recovered.Polls, p => Assert.Equal(PollStatus.Ok, p.Status));
        Assert.Equal(Feeds, recovered.NewPosts);
        var stored = FaultHost.Keys(await host.PostsAsync());
        Assert.Equal(farm.Published().OrderBy(k => k), stored.OrderBy(k => k));
        Assert.Equal("ok", FaultHost.IntegrityCheck(database));
    }

    private static async Task<CycleSummary?> CycleOrStoreUnavailableAsync(FaultHost host)
    {
        // The cycle claims again as slots free up; when that claim meets the lock the cycle ends with
        // StoreUnavailableException after its in-flight polls finished. Either way is a clean failure.
        try
        {
            return await host.CycleAsync();
        }
        catch (StoreUnavailableException)
        {
            return null;
        }
    }

    private static SqliteConnection Lock(string database)
    {
        var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "BEGIN EXCLUSIVE;";
        command.ExecuteNonQuery();
        return connection;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
