using Monitor.Testing;
using Monitor.Worker.Tests.Cli;

namespace Monitor.Worker.Tests.Faults;

/// <summary>
/// Graceful stop: SIGTERM while the <c>run</c> service is polling a slow farm. The host finishes or abandons the
/// in-flight polls within its shutdown timeout, exits 0, and gives the abandoned accounts back, so a final ingest
/// stores everything the farm serves.
/// </summary>
public sealed class GracefulStopTests : IDisposable
{
    private const int Feeds = 8;

    private readonly string directory = Directory.CreateTempSubdirectory("monitor-stop-").FullName;

    [Fact]
    public async Task Run_SigtermDuringCycle_ExitsZeroAndLosesNothing()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal.");
        await using var farm = await FeedFarm.StartAsync(Feeds, postsPerFeed: 2, new FeedFarmFaults { Latency = TimeSpan.FromMilliseconds(400) });
        var database = Path.Combine(directory, "monitor.db");
        var accounts = Path.Combine(directory, "accounts.csv");
        await File.WriteAllLinesAsync(accounts, farm.AccountsCsv(), TestContext.Current.CancellationToken);

        using (var worker = WorkerProcess.Start(
        [
            .. CrashRunTests.Args(accounts, database, "run"),
            "--Monitor:Polling:CycleInterval=00:00:01",
            "--Monitor:ShutdownTimeout=00:00:10",
            // Any free port: the default 5080 may be taken by another test or a monitor running on this machine.
            "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0",
        ]))
        {
            // Past the first request and some way into the cycle, with polls still in flight.
            await CrashRunTests.WaitUntilAsync(() => farm.RequestCount >= 3 || worker.HasExited, TimeSpan.FromSeconds(60));
            Assert.False(worker.HasExited, $"the service stopped by itself:\n{worker.Output}");
            await worker.TerminateAsync();

            var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(20));
            Assert.True(exitCode == 0, $"exit code {exitCode}:\n{worker.Output}");
        }

        Assert.Equal("ok", FaultHost.IntegrityCheck(database));
        var polledBefore = (await FaultHost.ReadPostsAsync(database)).Select(p => p.AccountId).Distinct().Count();
        Assert.InRange(polledBefore, 1, Feeds - 1);

        // Real clock: an abandoned account must have been released, not left leased for 10 minutes.
        farm.Faults = FeedFarmFaults.None;
        var final = await CliRunner.RunAsync(CrashRunTests.Args(accounts, database));

        Assert.True(final.ExitCode == 0, $"final ingest failed ({final.ExitCode}):\n{final.Output}\n{final.Error}");
        Assert.Contains($"{Feeds} accounts polled, 0 failed", final.Output, StringComparison.Ordinal);
        var stored = FaultHost.Keys(await FaultHost.ReadPostsAsync(database));
        Assert.Equal(farm.Served().OrderBy(k => k), stored.OrderBy(k => k));
        Assert.Equal(farm.Published().OrderBy(k => k), stored.OrderBy(k => k));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
