using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Bench;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Engagement;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Storage.Sqlite;

// dotnet run -c Release --project bench/EngagementReport -- [--db FILE] [--accounts 10000] [--posts 1000000] [--runs 5]
// Loads the history into --db unless the file exists, then times `report engagement` (CSV to a null writer) against
// the plainest per-account sums over the same rows, alternating them, for 30- and 365-day windows.
var db = Arg("--db", Path.Combine(Path.GetTempPath(), "monitor-engagement-bench.db"));
var accounts = int.Parse(Arg("--accounts", "10000"), System.Globalization.CultureInfo.InvariantCulture);
var posts = int.Parse(Arg("--posts", "1000000"), System.Globalization.CultureInfo.InvariantCulture);
var runs = int.Parse(Arg("--runs", "5"), System.Globalization.CultureInfo.InvariantCulture);

if (!File.Exists(db))
{
    var load = Stopwatch.StartNew();
    await EngagementBenchData.LoadAsync(db, accounts, posts, historyDays: 400);
    Console.WriteLine($"loaded {accounts:N0} accounts, {posts:N0} posts into {db} in {load.Elapsed.TotalSeconds:F1} s (run again on the same --db to measure)");
    return;
}

var sqlite = Options.Create(new SqliteOptions { Path = db });
var service = new EngagementReportService(new SqliteEngagementQueries(sqlite), new SqliteActivityQueries(sqlite));
var lastDay = DateOnly.FromDateTime(EngagementBenchData.HistoryEnd.UtcDateTime).AddDays(-1);
Console.WriteLine($"db {db}, {runs} runs each, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine("| window | baseline median (ms) | report median (ms) | ratio | rows summed |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var days in new[] { 30, 365 })
{
    var window = ActivityWindow.Last(days, lastDay);
    var baseline = new List<double>();
    var report = new List<double>();
    long counted = 0;
    for (var run = 0; run <= runs; run++)
    {
        var watch = Stopwatch.StartNew();
        counted = Baseline(db, window);
        var baselineMs = watch.Elapsed.TotalMilliseconds;
        watch.Restart();
        await service.WriteAsync(new ReportRequest(ReportKind.Engagement, window, ReportFormat.Csv), TextWriter.Null, CancellationToken.None);
        var reportMs = watch.Elapsed.TotalMilliseconds;
        if (run > 0)
        {
            // Run 0 warms the page cache and JIT.
            baseline.Add(baselineMs);
            report.Add(reportMs);
        }
    }

    Console.WriteLine($"| {days} days | {Median(baseline):F0} | {Median(report):F0} | {Median(report) / Median(baseline):F2} | {counted:N0} |");
}

Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024.0:F0} MB");

// The plainest SQL over the same rows: per-account sums of the counts in the window.
static long Baseline(string db, ActivityWindow window)
{
    using var connection = new SqliteConnection($"Data Source={db}");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = """
        SELECT account_id, count(*), sum(likes), sum(reposts), sum(replies), sum(quotes), sum(views) FROM posts
        WHERE published_at >= $start AND published_at < $end GROUP BY account_id
        """;
    command.Parameters.AddWithValue("$start", window.Start.ToUnixTimeMilliseconds());
    command.Parameters.AddWithValue("$end", window.End.ToUnixTimeMilliseconds());
    using var reader = command.ExecuteReader();
    long total = 0;
    while (reader.Read())
    {
        total += reader.GetInt64(1);
    }

    return total;
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
