using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Keeps the query planner's statistics current, as https://sqlite.org/pragma.html#pragma_optimize advises for
/// long-lived connections (the pool keeps them open): <c>PRAGMA optimize=0x10002</c> (0x10000 checks every table, not
/// only those the running connection used; 0x02 analyses those that need it) every
/// <see cref="SqliteOptions.OptimizeInterval"/> once the store is open, and once more when the host stops. SQLite bounds
/// each run with a temporary analysis limit, so a run is quick even on a large file. Statistics of tables analysed with
/// fewer than <see cref="MinimumAnalysedRows"/> rows are dropped after each run. A read-only store is left alone
/// (ANALYZE writes <c>sqlite_stat1</c>); a failed run is logged and never stops polling.
/// </summary>
/// <remarks>
/// Not at open, though SQLite's page suggests it: on a new or nearly empty file it records tables of a few rows, and the
/// planner then keeps choosing scans as they grow — the first ingest cycle of 1,000 feeds took 73–95 s instead of
/// 13–15 s (bench/BENCHMARKS.md, "PRAGMA optimize at open"). The run at stop leaves the statistics of the grown file
/// for the next start.
/// </remarks>
internal sealed class SqliteOptimizer : IHostedService, IDisposable
{
    public const string Periodic = "PRAGMA optimize=0x10002;";

    /// <summary>Tables analysed with fewer rows than this keep no statistics (see <see cref="PruneSmallTables"/>).</summary>
    public const int MinimumAnalysedRows = 1000;

    /// <summary>
    /// Drops the statistics of tables that were almost empty when analysed; <see cref="ReloadStatistics"/> then reads
    /// the rest into the connection again. Without a row in <c>sqlite_stat1</c> SQLite assumes a large table and prefers
    /// its indexes; a row saying "2 rows" is trusted long after the table has grown. The run at the stop of
    /// <c>accounts sync</c> on a new file recorded the search index's <c>post_search_data</c> at 2 rows, and the next
    /// first cycle read 1.08 million pages from the file instead of about 75,000 (bench/BENCHMARKS.md, "A statistic of two
    /// rows").
    /// </summary>
    public static readonly string PruneSmallTables = string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"DELETE FROM sqlite_stat1 WHERE CAST(stat AS INTEGER) < {MinimumAnalysedRows};");

    /// <summary>The samples of the pruned tables, in builds with SQLITE_ENABLE_STAT4.</summary>
    public const string PruneSamples = "DELETE FROM sqlite_stat4 WHERE tbl NOT IN (SELECT tbl FROM sqlite_stat1);";

    /// <summary>Reads the statistics tables into the query planner again, without analysing anything.</summary>
    public const string ReloadStatistics = "ANALYZE sqlite_schema;";

    private readonly bool readOnly;
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Func<string, CancellationToken, Task> run;
    private readonly SemaphoreSlim busy = new(1, 1);
    private ITimer? timer;
    private int opened;

    public SqliteOptimizer(SqliteDatabase database, IOptions<SqliteOptions> options, TimeProvider time, ILogger<SqliteOptimizer> logger)
        : this(database.IsReadOnly, options.Value.OptimizeInterval, time, logger, (sql, ct) => RunAsync(database, sql, ct))
    {
    }

    /// <summary>The seam for tests: <paramref name="run"/> executes one pragma.</summary>
    internal SqliteOptimizer(bool readOnly, TimeSpan interval, TimeProvider time, ILogger logger, Func<string, CancellationToken, Task> run)
    {
        this.readOnly = readOnly;
        this.interval = interval;
        this.time = time;
        this.logger = logger;
        this.run = run;
    }

    /// <summary>The store has been opened (created or migrated): starts the periodic runs. Later calls do nothing.</summary>
    public async Task StoreOpenedAsync(CancellationToken cancellationToken)
    {
        if (readOnly || Interlocked.Exchange(ref opened, 1) == 1)
        {
            return;
        }

        if (interval > TimeSpan.Zero)
        {
            timer = time.CreateTimer(_ => _ = TryRunAsync(Periodic, CancellationToken.None), null, interval, interval);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops the periodic runs and, when the store was opened, optimizes once more (as before closing a connection).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref timer, null) is { } running)
        {
            await running.DisposeAsync();
        }

        if (Interlocked.Exchange(ref opened, 2) == 1)
        {
            await TryRunAsync(Periodic, cancellationToken);
        }
    }

    // Synchronous too: service providers are also disposed with Dispose(). The semaphore needs no disposal (no wait
    // handle is ever taken) and a tick already running may still release it.
    public void Dispose() => Interlocked.Exchange(ref timer, null)?.Dispose();

    private async Task TryRunAsync(string pragma, CancellationToken cancellationToken)
    {
        // A run still going (a slow disk) is not doubled by the next tick.
        if (!await busy.WaitAsync(0, CancellationToken.None))
        {
            return;
        }

        try
        {
            var started = time.GetTimestamp();
            await run(pragma, cancellationToken);
            Log.SqliteOptimized(logger, pragma, time.GetElapsedTime(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.SqliteOptimizeFailed(logger, ex, pragma);
        }
        finally
        {
            busy.Release();
        }
    }

    // Through the write gate: an ANALYZE it decides to run writes sqlite_stat1, and queues behind this process's polls.
    private static async Task RunAsync(SqliteDatabase database, string pragma, CancellationToken cancellationToken)
    {
        await using var write = await database.BeginWriteAsync(cancellationToken);
        await using (var command = write.Command(pragma))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
            }
        }

        // sqlite_stat1 exists once anything was analysed; sqlite_stat4 only in builds with SQLITE_ENABLE_STAT4.
        await using (var tables = write.Command("SELECT group_concat(name) FROM sqlite_schema WHERE name IN ('sqlite_stat1', 'sqlite_stat4');"))
        {
            var found = await tables.ExecuteScalarAsync(cancellationToken) as string ?? string.Empty;
            if (found.Contains("sqlite_stat1", StringComparison.Ordinal))
            {
                var samples = found.Contains("sqlite_stat4", StringComparison.Ordinal) ? PruneSamples : string.Empty;
                await using var prune = write.Command(PruneSmallTables + samples + ReloadStatistics);
                await prune.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await write.CommitAsync(cancellationToken);
    }
}
