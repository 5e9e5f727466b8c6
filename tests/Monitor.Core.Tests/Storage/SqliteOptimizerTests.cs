using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Storage;

/// <summary>When <c>PRAGMA optimize</c> runs: once on open with 0x10002, every interval, once at stop; never read-only.</summary>
public sealed class SqliteOptimizerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(4);
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly FakeLogger logger = new();
    private readonly List<string> ran = [];

    private SqliteOptimizer Optimizer(bool readOnly = false, TimeSpan? interval = null, Func<string, Task>? run = null) =>
        new(readOnly, interval ?? Interval, time, logger, (pragma, _) =>
        {
            lock (ran)
            {
                ran.Add(pragma);
            }

            return run?.Invoke(pragma) ?? Task.CompletedTask;
        });

    [Fact]
    public async Task StoreOpened_OptimizesEveryIntervalAndOnceAtStop_NotAtOpen()
    {
        using var optimizer = Optimizer();

        await optimizer.StoreOpenedAsync(CancellationToken.None);
        var afterOpen = ran.ToArray();
        time.Advance(Interval - TimeSpan.FromMinutes(1));
        var beforeInterval = ran.Count;
        time.Advance(TimeSpan.FromMinutes(1));
        time.Advance(Interval);
        await optimizer.StopAsync(CancellationToken.None);
        time.Advance(Interval * 3);

        Assert.Empty(afterOpen);
        Assert.Equal(0, beforeInterval);
        Assert.Equal([SqliteOptimizer.Periodic, SqliteOptimizer.Periodic, SqliteOptimizer.Periodic], ran);
    }

    [Fact]
    public async Task StoreOpened_Again_KeepsOneSchedule()
    {
        using var optimizer = Optimizer();

        await optimizer.StoreOpenedAsync(CancellationToken.None);
        await optimizer.StoreOpenedAsync(CancellationToken.None);
        time.Advance(Interval);

        Assert.Equal([SqliteOptimizer.Periodic], ran);
    }

    [Fact]
    public async Task ReadOnlyStore_IsNeverOptimized()
    {
        using var optimizer = Optimizer(readOnly: true);

        await optimizer.StoreOpenedAsync(CancellationToken.None);
        time.Advance(Interval * 2);
        await optimizer.StopAsync(CancellationToken.None);

        Assert.Empty(ran);
    }

    [Fact]
    public async Task StoreNeverOpened_StopDoesNotOptimize()
    {
        using var optimizer = Optimizer();

        await optimizer.StopAsync(CancellationToken.None);

        Assert.Empty(ran);
    }

    [Fact]
    public async Task ZeroInterval_OptimizesOnlyAtStop()
    {
        using var optimizer = Optimizer(interval: TimeSpan.Zero);

        await optimizer.StoreOpenedAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromDays(30));
        await optimizer.StopAsync(CancellationToken.None);

        Assert.Equal([SqliteOptimizer.Periodic], ran);
    }

    [Fact]
    public async Task FailedRun_IsLoggedAndTheScheduleGoesOn()
    {
        var calls = 0;
        using var optimizer = Optimizer(run: _ => ++calls == 1
            ? Task.FromException(new InvalidOperationException("database is locked"))
            : Task.CompletedTask);

        await optimizer.StoreOpenedAsync(CancellationToken.None);
        time.Advance(Interval);
        time.Advance(Interval);

        Assert.Equal([SqliteOptimizer.Periodic, SqliteOptimizer.Periodic], ran);
        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning);
        Assert.Contains(SqliteOptimizer.Periodic, warning.Message, StringComparison.Ordinal);
        Assert.Equal("database is locked", warning.Exception?.Message);
    }
}
