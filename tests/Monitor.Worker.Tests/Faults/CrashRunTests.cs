using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Testing;
using Monitor.Worker.Tests.Cli;

namespace Monitor.Worker.Tests.Faults;

/// <summary>
/// Crash run: the real worker process is killed (SIGKILL) mid-cycle several times and restarted; afterwards the
/// stored posts equal the served posts, none twice, and the SQLite file passes <c>PRAGMA integrity_check</c>.
/// </summary>
public sealed class CrashRunTests : IDisposable
{
    private const int Feeds = 10;
    private const int Kills = 3;

    private readonly string directory = Directory.CreateTempSubdirectory("monitor-crash-").FullName;

    [Fact]
    public async Task Ingest_KilledMidCycleAndRestarted_LosesAndDuplicatesNothing()
    {
        // 10 feeds × 400 ms at 2 at a time: a cycle takes 2 s or more, so a kill after the first request lands in it.
        await using var farm = await FeedFarm.StartAsync(Feeds, postsPerFeed: 2, new FeedFarmFaults { Latency = TimeSpan.FromMilliseconds(400) });
        var database = Path.Combine(directory, "monitor.db");
        var accounts = Path.Combine(directory, "accounts.csv");
        await File.WriteAllLinesAsync(accounts, farm.AccountsCsv(), TestContext.Current.CancellationToken);
        var random = new Random(99);
        var storedAfterKills = new List<int>();

        for (var kill = 0; kill < Kills; kill++)
        {
            farm.Publish(random.Next(Feeds), 2);
            var before = farm.RequestCount;
            using var worker = WorkerProcess.Start(Args(accounts, database));
            await WaitUntilAsync(() => farm.RequestCount > before || worker.HasExited, TimeSpan.FromSeconds(60));
            // Early, middle and late in the cycle, with jitter.
            await Task.Delay(150 + (500 * kill) + random.Next(100), TestContext.Current.CancellationToken);
            Assert.False(worker.HasExited, $"the worker finished before the kill; output:\n{worker.Output}");
            worker.Kill();
            await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal("ok", FaultHost.IntegrityCheck(database));
            storedAfterKills.Add((await FaultHost.ReadPostsAsync(database)).Count);
        }

        // Mid-cycle: some kill left part of the posts stored, and no kill came after everything was stored.
        Assert.Contains(storedAfterKills, n => n > 0);
        Assert.True(storedAfterKills[^1] < farm.Published().Count, $"stored after kills: {string.Join(", ", storedAfterKills)}");

        // Accounts a killed worker had claimed stay leased until the lease (10 min) expires: the catch-up run happens
        // after that, on a clock moved past it.
        farm.Faults = FeedFarmFaults.None;
        var later = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(11));
        var final = await CliRunner.RunAsync(Args(accounts, database),
            builder => builder.Services.AddSingleton<TimeProvider>(later));

        Assert.True(final.ExitCode == 0, $"catch-up ingest failed ({final.ExitCode}):\n{final.Output}\n{final.Error}");
        Assert.Contains($"{Feeds} accounts polled, 0 failed", final.Output, StringComparison.Ordinal);
        Assert.Equal("ok", FaultHost.IntegrityCheck(database));
        var stored = FaultHost.Keys(await FaultHost.ReadPostsAsync(database));
        Assert.Equal(farm.Published().OrderBy(k => k), farm.Served().OrderBy(k => k));
        Assert.Equal(farm.Served().OrderBy(k => k), stored.OrderBy(k => k));
    }

    internal static string[] Args(string accounts, string database, string command = "ingest") =>
    [
        .. command == "ingest" ? new[] { "ingest", "--once" } : [command],
        $"--Monitor:AccountsFile={accounts}",
        $"--Monitor:Storage:Sqlite:Path={database}",
        "--Monitor:Polling:MaxConcurrency=2",
        "--Monitor:Polling:MaxConcurrencyPerHost=2",
        "--Monitor:Http:Resilience:RetryBaseDelay=00:00:00.010",
        "--Monitor:Http:Resilience:RetryMaxDelay=00:00:00.050",
        // The farm's posts carry no language: detection would load its models (1-2 s) before the first write,
        // after the kills this test times into the cycle.
        "--Monitor:Languages:DetectionEnabled=false",
    ];

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"condition not met within {timeout}");
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
