using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Monitor.Bench.Farm;

namespace Monitor.Bench.Cycle;

/// <summary>
/// <c>cycle</c>: for each N, starts the feed farm in this process, then per repetition runs the bare-HttpClient
/// baseline and three <c>Monitor.Worker ingest --once</c> cycles (first: everything new; second: nothing changed;
/// third: every feed gained two entries) as child processes against a fresh SQLite file, the second and third each
/// followed by the bare loop replaying that cycle's requests, and prints medians and ratios as markdown. <c>--archive on</c> turns the
/// raw capture archive on; <c>--archive compare</c> runs both cycles without and then with it in every repetition.
/// <c>--versions compare</c> runs, in every repetition, the cycles with versions as always and with the version rows
/// dropped inside SQLite (<see cref="VersionsOff"/>): Monitor itself has no switch that loses history.
/// </summary>
internal static partial class CycleCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var sizes = options.Ints("n", [1000, 4000, 16000]);
        var runs = options.Int("runs", 3);
        var concurrency = options.Int("concurrency", 16);
        var worker = options.Text("worker") ?? FindWorker();
        // --set Key=Value,Key=Value: further worker settings, e.g. Monitor:Platforms:Rss:MaxConcurrency=16.
        var extra = (options.Text("set") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(setting => setting.Contains('=', StringComparison.Ordinal) ? "--" + setting : throw new ArgumentException($"--set takes Key=Value pairs, not '{setting}'."))
            .ToArray();
        string[] modes = (options.Text("archive") ?? "off", options.Text("versions") ?? "on") switch
        {
            ("off", "on") => ["off"],
            ("on", "on") => ["on"],
            ("compare", "on") => ["off", "on"],
            ("off", "compare") => ["off", NoVersions],
            (var archive, var versions) => throw new ArgumentException(
                $"--archive must be off, on or compare and --versions on or compare (with the archive off), not '{archive}' and '{versions}'."),
        };
        var work = Directory.CreateTempSubdirectory("monitor-bench-").FullName;
        await using var farm = await FeedFarm.StartAsync(0, TimeSpan.FromMilliseconds(options.Int("latency-ms", 0)));
        Console.Error.WriteLine($"Farm at {farm.BaseUrl}, worker {worker}, concurrency {concurrency}, work dir {work}");

        var results = modes.ToDictionary(mode => mode, _ => new List<CycleRun>());
        foreach (var n in sizes)
        {
            var accounts = Path.Combine(work, $"accounts-{n}.csv");
            var urls = Path.Combine(work, $"urls-{n}.txt");
            FarmAccountsFile.Write(accounts, n, farm.BaseUrl);
            await File.WriteAllLinesAsync(urls, Enumerable.Range(0, n).SelectMany(i => FarmAccounts.FirstPollUrls(i, farm.BaseUrl)));
            for (var r = 1; r <= runs; r++)
            {
                var baseline = await BaselineAsync(urls, concurrency, work);
                // The versions comparison alternates which mode goes first, so neither always meets the warmer machine.
                foreach (var mode in modes.Contains(NoVersions) && r % 2 == 0 ? modes.Reverse() : modes)
                {
                    var database = Path.Combine(work, $"monitor-{n}-{r}-{mode}.db");
                    var archive = mode == "on" ? Path.Combine(work, $"archive-{n}-{r}") : null;
                    if (modes.Contains(NoVersions))
                    {
                        await PrepareAsync(worker, accounts, database, work, versions: mode != NoVersions);
                    }

                    var first = await IngestAsync(worker, accounts, database, farm, concurrency, work, archive, extra);
                    var archiveFirst = FolderBytes(archive);

                    // Steady state: the second cycle (all 304) and a third after every feed gained two entries, each
                    // against the bare loop replaying the very requests (and If-None-Match values) that cycle sent.
                    farm.StartRecording();
                    var second = await IngestAsync(worker, accounts, database, farm, concurrency, work, archive, extra);
                    var archiveSecond = FolderBytes(archive) - archiveFirst;
                    var conditional = await ReplayAsync(farm.StopRecording(), Path.Combine(work, $"second-{n}-{r}-{mode}.txt"), concurrency, work);
                    farm.Generation = 1;
                    farm.StartRecording();
                    var third = await IngestAsync(worker, accounts, database, farm, concurrency, work, archive, extra);
                    var thirdBaseline = await ReplayAsync(farm.StopRecording(), Path.Combine(work, $"third-{n}-{r}-{mode}.txt"), concurrency, work);
                    farm.Generation = 0;
                    var run = new CycleRun(n, baseline.Seconds, baseline.PeakRssMb, first, second, archiveFirst, archiveSecond)
                    {
                        ConditionalBaselineSeconds = conditional.Seconds,
                        Third = third,
                        ThirdBaselineSeconds = thirdBaseline.Seconds,
                    };
                    results[mode].Add(run);
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"N={n} run {r} archive {mode}: baseline {run.BaselineAccountsPerSecond:0} acc/s ({baseline.PeakRssMb:0} MB); first {first.AccountsPerSecond:0} acc/s "
                        + $"{first.PostsPerSecond:0} posts/s {first.PeakRssMb:0} MB, {first.Failed} failed, {first.PostsInDb} posts in db; "
                        + $"second {second.Seconds:0.00} s ({run.SecondSpeedup:0.0}x, {run.SteadyRatio:0.00} of the conditional baseline's {conditional.Seconds:0.00} s) {second.PeakRssMb:0} MB, {second.Failed} failed; "
                        + $"third {third.Seconds:0.00} s, {third.NewPosts} new ({run.FewNewRatio:0.00} of its baseline's {thirdBaseline.Seconds:0.00} s), {third.Failed} failed, {third.PostsInDb} posts in db; archive {run.ArchiveBytesFirst + run.ArchiveBytesSecond:N0} bytes; "
                        + $"{Count(database, "post_versions")} versions in db"));
                    if (Environment.GetEnvironmentVariable("MONITOR_BENCH_KEEP") is { Length: > 0 } keep)
                    {
                        // For a look inside (snapshots' durations, query plans): the run's database is kept there.
                        Directory.CreateDirectory(keep);
                        File.Copy(database, Path.Combine(keep, Path.GetFileName(database)), overwrite: true);
                    }

                    File.Delete(database);
                    if (archive is not null)
                    {
                        Directory.Delete(archive, recursive: true);
                    }
                }
            }
        }

        foreach (var (mode, runsOfMode) in results)
        {
            Console.WriteLine(modes.Length > 1 ? $"Archive {mode}:\n" : string.Empty);
            Console.WriteLine(CycleReport.ToMarkdown(runsOfMode, concurrency));
        }

        if (results.TryGetValue("on", out var archived))
        {
            Console.WriteLine(CycleReport.ArchiveMarkdown(archived, results.GetValueOrDefault("off")));
        }

        if (results.TryGetValue(NoVersions, out var unversioned))
        {
            Console.WriteLine(CycleReport.VersionsMarkdown(results["off"], unversioned));
        }

        Directory.Delete(work, recursive: true);
        return results.Values.SelectMany(r => r).All(r => r.First.Failed == 0 && r.Second.Failed == 0 && r.Third?.Failed == 0
            && r.First.PostsInDb == (long)r.Accounts * FarmAccounts.EntriesPerAccount
            && r.Third.PostsInDb == r.First.PostsInDb + (long)FarmAccounts.FeedCount(r.Accounts) * FarmAccounts.NewEntriesPerGeneration) ? 0 : 2;
    }

    private const string NoVersions = "no-versions";

    /// <summary>
    /// Drops every row written to <c>post_versions</c>, inside SQLite: <c>RAISE(IGNORE)</c> in a BEFORE INSERT trigger
    /// abandons the row's insert and the statement goes on (https://sqlite.org/lang_createtrigger.html#the_raise_function).
    /// The worker still computes the versions; the table's B-tree and index writes, the cost of keeping them, are saved.
    /// </summary>
    private const string VersionsOff = "CREATE TRIGGER bench_versions_off BEFORE INSERT ON post_versions BEGIN SELECT RAISE(IGNORE); END;";

    /// <summary>Creates the schema and the accounts (<c>accounts sync</c>) before the first cycle, in both modes alike.</summary>
    private static async Task PrepareAsync(string worker, string accounts, string database, string work, bool versions)
    {
        var sync = await ChildProcess.RunAsync("dotnet",
            [worker, "accounts", "sync", $"--Monitor:AccountsFile={accounts}", "--Monitor:Storage:Provider=Sqlite", $"--Monitor:Storage:Sqlite:Path={database}",
                "--Logging:Console:LogLevel:Default=Warning"],
            work, TimeSpan.FromMinutes(5));
        if (sync.ExitCode != 0)
        {
            throw new InvalidOperationException($"accounts sync exited {sync.ExitCode}:\n{Tail(sync.Error)}\n{Tail(sync.Output)}");
        }

        if (!versions)
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = VersionsOff;
            command.ExecuteNonQuery();
        }
    }

    private static long FolderBytes(string? folder) =>
        folder is not null && Directory.Exists(folder) ? new DirectoryInfo(folder).GetFiles().Sum(file => file.Length) : 0;

    private static async Task<CycleMeasure> IngestAsync(
        string worker, string accounts, string database, FeedFarm farm, int concurrency, string work, string? archive, string[] extra)
    {
        var c = concurrency.ToString(CultureInfo.InvariantCulture);
        string[] arguments =
        [
            worker, "ingest", "--once",
            $"--Monitor:AccountsFile={accounts}",
            "--Monitor:Storage:Provider=Sqlite",
            $"--Monitor:Storage:Sqlite:Path={database}",
            $"--Monitor:Polling:MaxConcurrency={c}",
            $"--Monitor:Polling:MaxConcurrencyPerHost={c}",
            $"--Monitor:Platforms:Mastodon:MaxConcurrency={c}",
            $"--Monitor:Platforms:Bluesky:MaxConcurrency={c}",
            $"--Monitor:Platforms:Bluesky:BaseUrl={farm.BaseUrl}",
            // Mastodon's default budget is 300 requests per 5 minutes per instance, and every farm account is on one
            // "instance": from N = 4,000 on, its first polls would be deferred (rateLimited), as they should be against
            // a real instance. The bare loop has no budget either.
            "--Monitor:Platforms:Mastodon:Budget:Requests=0",
            // Per-account Information logs would measure the console, not the pipeline; the cycle's own line stays.
            "--Logging:Console:LogLevel:Default=Warning",
            "--Logging:Console:LogLevel:Monitor.Core.Polling.PollCycle=Information",
            .. archive is null ? [] : new[] { "--Monitor:Archive:Enabled=true", $"--Monitor:Archive:Path={archive}" },
            .. extra,
        ];
        var run = await ChildProcess.RunAsync("dotnet", arguments, work, TimeSpan.FromMinutes(15));
        var match = CycleFinished().Match(run.Error);
        if (!match.Success)
        {
            throw new InvalidOperationException($"ingest exited {run.ExitCode} without a cycle summary:\n{Tail(run.Error)}\n{Tail(run.Output)}");
        }

        return new CycleMeasure(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture),
            TimeSpan.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture).TotalSeconds,
            run.Wall.TotalSeconds,
            run.PeakRssMb,
            Count(database, "posts"));
    }

    private static long Count(string database, string table)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<(double Seconds, double PeakRssMb)> BaselineAsync(string urls, int concurrency, string work)
    {
        var run = await ChildProcess.RunAsync("dotnet",
            [typeof(CycleCommand).Assembly.Location, "baseline", "--urls", urls, "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture)],
            work, TimeSpan.FromMinutes(10));
        var match = BaselineLine().Match(run.Output);
        if (run.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"baseline exited {run.ExitCode}:\n{Tail(run.Error)}\n{Tail(run.Output)}");
        }

        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), run.PeakRssMb);
    }

    /// <summary>The bare loop over requests a cycle made, with their If-None-Match values, against the farm as it is now.</summary>
    private static async Task<(double Seconds, double PeakRssMb)> ReplayAsync(IReadOnlyList<string> requests, string file, int concurrency, string work)
    {
        await File.WriteAllLinesAsync(file, requests);
        return await BaselineAsync(file, concurrency, work);
    }

    // The worker is built beside this project (same configuration): bench/Monitor.Bench/bin/C/net10.0 → src/Monitor.Worker/bin/C/net10.0.
    private static string FindWorker()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = output.Parent!.Name;
        var root = output.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "src", "Monitor.Worker", "bin", configuration, output.Name, "Monitor.Worker.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build the worker first (dotnet build -c {configuration} src/Monitor.Worker) or pass --worker PATH.", path);
    }

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;

    [GeneratedRegex(@"Poll cycle finished: (\d+) accounts, (\d+) failed, (\d+) new posts in ([0-9:.]+)")]
    private static partial Regex CycleFinished();

    [GeneratedRegex(@"seconds=([0-9.]+)")]
    private static partial Regex BaselineLine();
}
