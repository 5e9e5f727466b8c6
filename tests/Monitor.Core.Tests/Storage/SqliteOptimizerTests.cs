using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Storage;

/// <summary>When <c>PRAGMA optimize=0x10002</c> runs (every interval and once at stop; not at open, never read-only) and which statistics a run keeps.</summary>
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

    [Fact]
    public async Task Run_OnAFile_KeepsNoStatisticsOfAlmostEmptyTables()
    {
        using var file = new TempSqliteFile();
        var options = Microsoft.Extensions.Options.Options.Create(new SqliteOptions { Path = file.Path });
        var database = new SqliteDatabase(options);
        await using (var connection = await database.OpenOrCreateAsync(CancellationToken.None))
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE small (id INTEGER PRIMARY KEY, k TEXT); CREATE INDEX ix_small ON small (k);
                CREATE TABLE big (id INTEGER PRIMARY KEY, k TEXT); CREATE INDEX ix_big ON big (k);
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
                INSERT INTO big (k) SELECT 'k' || (i % 7) FROM n;
                INSERT INTO small (k) VALUES ('a'), ('b');
                """;
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var optimizer = new SqliteOptimizer(database, options, time, NullLogger<SqliteOptimizer>.Instance);
        await optimizer.StoreOpenedAsync(CancellationToken.None);
        await optimizer.StopAsync(CancellationToken.None);

        await using var read = await database.OpenAsync(CancellationToken.None);
        await using var stats = read.CreateCommand();
        stats.CommandText = "SELECT group_concat(tbl || ':' || idx || ':' || stat, ' | ') FROM (SELECT * FROM sqlite_stat1 ORDER BY tbl, idx);";
        Assert.Equal("big:ix_big:5000 715", await stats.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }
}
