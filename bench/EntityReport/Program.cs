using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Network;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Sqlite;

// dotnet run -c Release --project bench/EntityReport -- [--db FILE] [--accounts 2000] [--posts 300000] [--runs 5]
// Loads posts with hashtags, mentions of tracked accounts, reposts and links into --db unless the file exists, then
// times `report mentions`, `report hashtags` and `report links` (CSV to a null writer) against the plainest grouped count
// over the same post_entities rows, alternating them, for 30- and 365-day windows: wall and CPU (the process's, all
// threads) medians.
var db = Arg("--db", Path.Combine(Path.GetTempPath(), "monitor-entities-bench.db"));
var accounts = int.Parse(Arg("--accounts", "2000"), CultureInfo.InvariantCulture);
var posts = int.Parse(Arg("--posts", "300000"), CultureInfo.InvariantCulture);
var runs = int.Parse(Arg("--runs", "5"), CultureInfo.InvariantCulture);
var end = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

var fresh = !File.Exists(db);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Monitor:Storage:Sqlite:Path"] = db }).Build();
await using var services = new ServiceCollection().AddLogging().AddSqliteStore(configuration).AddMonitorActivity(configuration).BuildServiceProvider();
await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(CancellationToken.None);
if (fresh)
{
    var load = Stopwatch.StartNew();
    var entities = Load(db, accounts, posts, end);
    Console.WriteLine($"loaded {accounts:N0} accounts, {posts:N0} posts, {entities:N0} entities into {db} in {load.Elapsed.TotalSeconds:F1} s");
    return;
}

var reports = services.GetRequiredService<EntityReportService>();
var lastDay = DateOnly.FromDateTime(end.UtcDateTime).AddDays(-1);
Console.WriteLine($"db {db}, {runs} runs each, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
Console.WriteLine("| report | window | baseline wall / CPU median (ms) | report wall / CPU median (ms) | ratio wall / CPU | rows counted |");
Console.WriteLine("|---|---|---|---|---|---|");
var cases = new (ReportKind Kind, string Sql)[]
{
    (ReportKind.Mentions, "SELECT account_id, value, count(*) FROM post_entities WHERE type IN ('mention', 'repost') AND published_at >= $start AND published_at < $end GROUP BY account_id, value"),
    (ReportKind.Hashtags, "SELECT value, count(*) FROM post_entities WHERE type = 'hashtag' AND published_at >= $start AND published_at < $end GROUP BY value"),
    (ReportKind.Links, "SELECT value, count(*) FROM post_entities WHERE type = 'link' AND published_at >= $start AND published_at < $end GROUP BY value"),
};
foreach (var (kind, sql) in cases)
{
    foreach (var days in new[] { 30, 365 })
    {
        var window = ActivityWindow.Last(days, lastDay);
        var baseline = new List<double>();
        var baselineCpu = new List<double>();
        var report = new List<double>();
        var reportCpu = new List<double>();
        long counted = 0;
        for (var run = 0; run <= runs; run++)
        {
            var (wall, cpu) = await Time(() =>
            {
                counted = Baseline(db, sql, window);
                return Task.CompletedTask;
            });
            var (reportWall, reportCpuMs) = await Time(() => reports.WriteAsync(new ReportRequest(kind, window, ReportFormat.Csv), TextWriter.Null, CancellationToken.None));
            if (run > 0)
            {
                // Run 0 warms the page cache and JIT.
                baseline.Add(wall);
                baselineCpu.Add(cpu);
                report.Add(reportWall);
                reportCpu.Add(reportCpuMs);
            }
        }

        Console.WriteLine($"| {kind.ToString().ToLowerInvariant()} | {days} days | {Median(baseline):F0} / {Median(baselineCpu):F0} | {Median(report):F0} / {Median(reportCpu):F0} " +
            $"| {Median(report) / Median(baseline):F2} / {Median(reportCpu) / Median(baselineCpu):F2} | {counted:N0} |");
    }
}

// Where the time goes (median of the same number of runs): the entity query alone, the accounts the report reads alone.
var queries = services.GetRequiredService<IEntityQueries>();
var store = services.GetRequiredService<IAccountStore>();
foreach (var days in new[] { 30, 365 })
{
    var window = ActivityWindow.Last(days, lastDay);
    var query = new List<double>();
    var list = new List<double>();
    var tags = new List<double>();
    var network = new List<double>();
    for (var run = 0; run <= runs; run++)
    {
        var watch = Stopwatch.StartNew();
        await queries.QueryEntitiesAsync(window, [Monitor.Core.Entities.EntityType.Mention, Monitor.Core.Entities.EntityType.Repost], CancellationToken.None);
        query.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await queries.ListTrackedAsync(store, CancellationToken.None);
        list.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await queries.QueryEntitiesAsync(window, [Monitor.Core.Entities.EntityType.Hashtag], CancellationToken.None);
        tags.Add(watch.Elapsed.TotalMilliseconds);
        watch.Restart();
        await reports.GetMentionsAsync(window, CancellationToken.None);
        network.Add(watch.Elapsed.TotalMilliseconds);
    }

    Console.WriteLine($"{days} days: mentions+reposts query {Median(query):F0} ms, tracked accounts {Median(list):F0} ms, hashtag query {Median(tags):F0} ms, mentions report without output {Median(network):F0} ms");
}

Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576} MB");

// Accounts a0..aN on X; posts skewed towards low-numbered accounts; per post 0-2 hashtags of 500, a mention of a
// tracked account in 40 % (of an untracked one in 10 %), a repost edge in 10 %, a link in 30 %.
static long Load(string db, int accounts, int posts, DateTimeOffset end)
{
    var random = new Random(42);
    using var connection = new SqliteConnection($"Data Source={db}");
    connection.Open();
    using var transaction = connection.BeginTransaction();
    using var account = Command(connection, "INSERT INTO accounts (id, platform, handle, country, actor, enabled) VALUES ($id, 'x', $handle, $country, 'Embassy', 1)", "$id", "$handle", "$country");
    for (var i = 0; i < accounts; i++)
    {
        Run(account, $"a{i}", $"handle{i}", $"C{i % 190:000}");
    }

    using var post = Command(connection, """
        INSERT INTO posts (platform, account_id, post_id, published_at, published_at_estimated, kind, text, content_hash, first_seen_at, last_seen_at, normaliser_version, latest_version)
        VALUES ('x', $account, $post, $at, 0, $kind, 't', 'h', $at, $at, 1, 1) RETURNING id
        """, "$account", "$post", "$at", "$kind");
    using var entity = Command(connection, "INSERT OR IGNORE INTO post_entities (post_rowid, type, value, platform_id, account_id, published_at) VALUES ($id, $type, $value, NULL, $account, $at)",
        "$id", "$type", "$value", "$account", "$at");
    long entities = 0;
    var span = (long)TimeSpan.FromDays(400).TotalMilliseconds;
    for (var n = 0; n < posts; n++)
    {
        var from = (int)(accounts * Math.Pow(random.NextDouble(), 2));
        var at = end.ToUnixTimeMilliseconds() - (long)(random.NextDouble() * span);
        var repost = random.Next(10) == 0;
        post.Parameters["$account"].Value = $"a{from}";
        post.Parameters["$post"].Value = $"p{n}";
        post.Parameters["$at"].Value = at;
        post.Parameters["$kind"].Value = repost ? "repost" : "post";
        var id = (long)post.ExecuteScalar()!;
        void Add(string type, string value)
        {
            Run(entity, id, type, value, $"a{from}", at);
            entities++;
        }

        if (repost)
        {
            Add("repost", $"handle{random.Next(accounts)}");
            continue;
        }

        for (var h = random.Next(3); h > 0; h--) Add("hashtag", $"tag{(int)(500 * Math.Pow(random.NextDouble(), 3))}");
        if (random.Next(10) < 4) Add("mention", $"handle{random.Next(accounts)}");
        if (random.Next(10) == 0) Add("mention", $"someone{random.Next(100000)}");
        if (random.Next(10) < 3) Add("link", $"https://site{random.Next(2000)}.example/page{random.Next(50)}");
    }

    transaction.Commit();
    using var analyze = connection.CreateCommand();
    analyze.CommandText = "ANALYZE;";
    analyze.ExecuteNonQuery();
    return entities;
}

static SqliteCommand Command(SqliteConnection connection, string sql, params string[] names)
{
    var command = connection.CreateCommand();
    command.CommandText = sql;
    foreach (var name in names)
    {
        command.Parameters.Add(new SqliteParameter(name, null));
    }

    return command;
}

static void Run(SqliteCommand command, params object[] values)
{
    for (var i = 0; i < values.Length; i++)
    {
        command.Parameters[i].Value = values[i];
    }

    command.ExecuteNonQuery();
}

static long Baseline(string db, string sql, ActivityWindow window)
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
        total += reader.GetInt64(reader.FieldCount - 1);
    }

    return total;
}

// Wall and CPU milliseconds of one call; CPU is the process's (every thread, GC included), from getrusage: microseconds,
// where Process.TotalProcessorTime counts 10 ms ticks on Linux.
static async Task<(double Wall, double Cpu)> Time(Func<Task> action)
{
    var cpu = CpuTime.Now();
    var watch = Stopwatch.StartNew();
    await action();
    var wall = watch.Elapsed.TotalMilliseconds;
    return (wall, (CpuTime.Now() - cpu).TotalMilliseconds);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

string Arg(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}
