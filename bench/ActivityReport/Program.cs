using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Monitor.Bench;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Activity.Study;
using Monitor.Core.Storage.Sqlite;

// dotnet run -c Release --project bench/ActivityReport -- [--db FILE] [--accounts 10000] [--posts 1000000] [--runs 5] [--days 30,365] [--warmup 3] [--only PREFIX]
// Loads the history into --db unless the file exists, then times `report activity` (CSV to a null writer) against the
// plainest SQL over the same rows (per-account counts), alternating them, for 30- and 365-day windows; then the
// other reports (leaderboard, dormant, presence, study and its queries) the same way.
var db = Arg("--db", Path.Combine(Path.GetTempPath(), "monitor-bench.db"));
var accounts = int.Parse(Arg("--accounts", "10000"), System.Globalization.CultureInfo.InvariantCulture);
var posts = int.Parse(Arg("--posts", "1000000"), System.Globalization.CultureInfo.InvariantCulture);
var only = args.Contains("--only") ? Arg("--only", "") : null;
var runs = int.Parse(Arg("--runs", "5"), System.Globalization.CultureInfo.InvariantCulture);
var warmup = int.Parse(Arg("--warmup", "3"), System.Globalization.CultureInfo.InvariantCulture);
var windows = Arg("--days", "30,365").Split(',').Select(d => int.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

// The plainest SQL over the same rows as each report's reads: counts, nothing evaluated per row.
const string CountSql = "SELECT account_id, count(*) FROM posts WHERE published_at >= $start AND published_at < $end GROUP BY account_id";
const string SnapshotCountSql = "SELECT account_id, count(*) FROM snapshots WHERE captured_at >= $start AND captured_at < $end GROUP BY account_id";
const string LanguageCountSql = "SELECT account_id, language, count(*) FROM posts WHERE published_at >= $start AND published_at < $end GROUP BY account_id, language";

if (!File.Exists(db))
{
    var load = Stopwatch.StartNew();
    await BenchData.LoadAsync(db, accounts, posts, historyDays: 400);
    Console.WriteLine($"loaded {accounts:N0} accounts, {posts:N0} posts into {db} in {load.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine("peak working set after load: " + Mb(Process.GetCurrentProcess().PeakWorkingSet64) + " (run again on the same --db to measure reports alone)");
    return;
}

// A file loaded by an older build gets the newer migrations (e.g. the reports' covering index) before measuring.
var migrate = Stopwatch.StartNew();
await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
{
    connection.Open();
    var before = await SqliteSchema.MigrateAsync(connection, CancellationToken.None);
    if (before < SqliteSchema.LatestVersion)
    {
        Console.WriteLine($"migrated schema {before} -> {SqliteSchema.LatestVersion} in {migrate.Elapsed.TotalSeconds:F1} s");
    }
}

var sqlite = Options.Create(new SqliteOptions { Path = db });
var calculator = new ActivityCalculator(Options.Create(new ActivityOptions()), TimeProvider.System);
var studyQueries = new SqliteStudyQueries(sqlite);
var activityQueries = new SqliteActivityQueries(sqlite);
var service = new ActivityReportService(activityQueries, studyQueries, calculator, TimeProvider.System, NullLogger<ActivityReportService>.Instance);
var study = new StudyService(new SqliteActivityQueries(sqlite), studyQueries, calculator, TimeProvider.System, NullLogger<StudyService>.Instance);
var lastDay = DateOnly.FromDateTime(BenchData.HistoryEnd.UtcDateTime).AddDays(-1);
Console.WriteLine($"db {db}, {runs} runs each, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
// Wall time and this process's CPU time (user + system) per call: on a shared machine the wall time includes waiting
// for a core, the CPU time does not (both run the SQL on the calling thread).
Console.WriteLine("| window | report | baseline | baseline median ms | report median ms | ratio | baseline CPU ms | report CPU ms | CPU ratio |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
foreach (var days in windows)
{
    var window = ActivityWindow.Last(days, lastDay);
    Task Write(ReportKind kind) => service.WriteAsync(new ReportRequest(kind, window, ReportFormat.Csv), TextWriter.Null, CancellationToken.None);
    var count = () => Task.FromResult(Baseline(db, window, CountSql));
    var snapshots = () => Task.FromResult(Baseline(db, window, SnapshotCountSql));
    var languages = () => Task.FromResult(Baseline(db, window, LanguageCountSql));
    // The output alone, on rows computed once: the cells (ReportTables) and the CSV of those cells (CsvReportWriter).
    var activityRows = await service.GetActivityAsync(window, CancellationToken.None);
    var activityTable = ReportTables.Activity(activityRows, histograms: true);
    var cases = new (string Report, string BaselineName, Func<Task> Run, Func<Task<long>> Baseline)[]
    {
        ("activity", "posts per account", () => Write(ReportKind.Activity), count),
        ("account facts sql", "posts per account", () => Task.FromResult(Baseline(db, window, SqliteActivityQueries.AccountFactsSql)), count),
        ("activity query", "posts per account", () => activityQueries.QueryActivityAsync(window, CancellationToken.None), count),
        ("activity rows", "posts per account", () => service.GetActivityAsync(window, CancellationToken.None), count),
        ("activity cells", "posts per account", () => Task.FromResult(ReportTables.Activity(activityRows, histograms: true)), count),
        ("activity csv of cells", "posts per account", () => CsvReportWriter.WriteAsync(activityTable, TextWriter.Null, CancellationToken.None), count),
        ("leaderboard", "posts per account", () => Write(ReportKind.Leaderboard), count),
        ("dormant", "posts per account", () => Write(ReportKind.Dormant), count),
        ("study facts query", "snapshots per account", () => studyQueries.QueryStudyFactsAsync(window, CancellationToken.None), snapshots),
        ("study languages query", "posts per account and language", () => studyQueries.QueryLanguagesAsync(window, CancellationToken.None), languages),
        ("presence", "posts + snapshots per account", () => Write(ReportKind.Presence), async () => await count() + await snapshots()),
        ("study (json)", "posts + snapshots + languages per account",
            async () => await study.WriteAsync(await study.GetStudyAsync(window, activeOnly: false, CancellationToken.None), StudyFormat.Json, TextWriter.Null, CancellationToken.None),
            async () => await count() + await snapshots() + await languages()),
    };
    foreach (var (report, baselineName, run, baseline) in cases.Where(c => only is null || c.Report.StartsWith(only, StringComparison.Ordinal)))
    {
        var baselineMs = new List<double>();
        var reportMs = new List<double>();
        var baselineCpu = new List<double>();
        var reportCpu = new List<double>();
        for (var round = 1 - warmup; round <= runs; round++)
        {
            var cpu = Cpu();
            var watch = Stopwatch.StartNew();
            await baseline();
            var b = watch.Elapsed.TotalMilliseconds;
            var bCpu = Cpu() - cpu;
            cpu = Cpu();
            watch.Restart();
            await run();
            var r = watch.Elapsed.TotalMilliseconds;
            var rCpu = Cpu() - cpu;
            if (round > 0)
            {
                // The warm-up rounds fill the page cache and let the JIT reach its optimised tier (a method is
                // recompiled after 30 calls), so the baseline and the report are compared as steady-state code.
                baselineMs.Add(b);
                reportMs.Add(r);
                baselineCpu.Add(bCpu);
                reportCpu.Add(rCpu);
            }
        }

        Console.WriteLine($"| {days} days | {report} | {baselineName} | {Median(baselineMs):F0} | {Median(reportMs):F0} | {Median(reportMs) / Median(baselineMs):F2} | {Median(baselineCpu):F0} | {Median(reportCpu):F0} | {Median(reportCpu) / Median(baselineCpu):F2} |");
    }
}

var gc = GC.GetGCMemoryInfo();
Console.WriteLine($"peak working set {Mb(Process.GetCurrentProcess().PeakWorkingSet64)}, GC heap {Mb(gc.HeapSizeBytes)}, allocated {Mb(GC.GetTotalAllocatedBytes())}");

static long Baseline(string db, ActivityWindow window, string sql)
{
    using var connection = new SqliteConnection($"Data Source={db}");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.Parameters.AddWithValue("$start", window.Start.ToUnixTimeMilliseconds());
    command.Parameters.AddWithValue("$end", window.End.ToUnixTimeMilliseconds());
    using var reader = command.ExecuteReader();
    long total = 0;
    while (reader.Read())
    {
        total += reader.IsDBNull(reader.FieldCount - 1) ? 0 : reader.GetInt64(reader.FieldCount - 1);
    }

    return total;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;

static string Mb(long bytes) => $"{bytes / 1024.0 / 1024.0:F0} MB";

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
