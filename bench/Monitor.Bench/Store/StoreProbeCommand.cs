using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Bench.Farm;
using Monitor.Core;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Adapters.Feeds;
using Monitor.Core.Storage;

namespace Monitor.Bench.Store;

/// <summary>
/// <c>store-probe</c>: where a feed account's poll spends its CPU without HTTP, one account after another on one thread:
/// claim, recent posts, parse + map, record. Run twice on the same file to see the second (nothing new) poll.
/// </summary>
internal static class StoreProbeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        var n = options.Int("n", 1000);
        var path = options.Text("db") ?? Path.Combine(Path.GetTempPath(), $"monitor-store-probe-{n}.db");
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Storage:Provider"] = "Sqlite",
            ["Monitor:Storage:Sqlite:Path"] = path,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new ProbeEnvironment())
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddMonitorCore(configuration);
        await using var provider = services.BuildServiceProvider();
        if (options.Text("page-size") is { } pageSize && !File.Exists(path))
        {
            // A page size only takes effect before the first table exists; the store's migration keeps it.
            await using var connection = new SqliteConnection($"Data Source={path}");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA page_size = {int.Parse(pageSize, CultureInfo.InvariantCulture)}; VACUUM;";
            await command.ExecuteNonQueryAsync();
        }

        await provider.GetRequiredService<IStorageLifecycle>().InitializeAsync(CancellationToken.None);
        var accounts = provider.GetRequiredService<IAccountStore>();
        var results = provider.GetRequiredService<IPollResultStore>();
        var farm = new Uri("http://127.0.0.1:1/");
        var feeds = Enumerable.Range(0, n).Where(i => FarmAccounts.KindOf(i) <= FarmKind.Json).ToArray();
        await accounts.SyncAccountsAsync(
            feeds.Select(i => new TrackedAccount($"farm-{i:D5}", "rss", FarmAccounts.Handle(i, farm), "FRA", ActorType.Embassy)).ToArray(),
            DateTimeOffset.UtcNow, CancellationToken.None);

        if (options.Int("claims", 0) is > 0 and var claims)
        {
            return await ProbeClaimsAsync(accounts, n, claims, farm);
        }

        var cycleStart = DateTimeOffset.UtcNow;
        var steps = new Stopwatch[4].Select(_ => new Stopwatch()).ToArray();
        var polled = 0;
        while (true)
        {
            steps[0].Start();
            var leases = await accounts.ClaimDueAsync(
                new ClaimRequest("probe", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10), 1, IgnoreSchedule: true, PolledBefore: cycleStart), CancellationToken.None);
            steps[0].Stop();
            if (leases.Count == 0)
            {
                break;
            }

            var lease = leases[0];
            var index = int.Parse(lease.Account.Id.AsSpan(5), CultureInfo.InvariantCulture);
            steps[1].Start();
            await results.GetRecentPostsAsync(lease.Account.Id, 40, CancellationToken.None);
            steps[1].Stop();
            steps[2].Start();
            var body = FeedDocuments.Build(index);
            steps[2].Stop();
            var now = DateTimeOffset.UtcNow;
            var posts = FeedEntryMapper.Map(FeedParser.Parse(body, 1000), new Uri(lease.Account.Handle), now);
            var result = new FetchResult { Status = PollStatus.Ok, HttpStatus = 200, Posts = options.Text("empty") is null ? posts : [], Cursor = lease.State.Cursor };
            steps[3].Start();
            await results.RecordPollAsync(new PollRecord(lease, now, result, TimeSpan.FromMilliseconds(5), now.AddMinutes(30), 0), CancellationToken.None);
            steps[3].Stop();
            polled++;
        }

        var total = steps.Sum(s => s.Elapsed.TotalMilliseconds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{polled} accounts, {new FileInfo(path).Length / 1_048_576} MB file: claim {Per(steps[0])} ms, recent {Per(steps[1])} ms, (farm body {Per(steps[2])} ms), record {Per(steps[3])} ms per account"));
        return 0;

        string Per(Stopwatch s) => (s.Elapsed.TotalMilliseconds / Math.Max(1, polled)).ToString("0.000", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// <c>--claims K</c>: the claim the poll pool makes while the feed platform's slots are all busy (its usual state in
    /// a cycle: 90 % of the accounts are feeds): 4 free slots, feeds full, every account due. Each claim's leases are
    /// given back, so every claim meets the same accounts. Its cost should not depend on how many feeds wait.
    /// </summary>
    private static async Task<int> ProbeClaimsAsync(IAccountStore accounts, int n, int claims, Uri farm)
    {
        var others = Enumerable.Range(0, n).Where(i => FarmAccounts.KindOf(i) > FarmKind.Json).ToArray();
        await accounts.SyncAccountsAsync(
            Enumerable.Range(0, n).Select(i => FarmAccounts.KindOf(i) <= FarmKind.Json
                ? new TrackedAccount($"farm-{i:D6}", "rss", FarmAccounts.Handle(i, farm), "FRA", ActorType.Embassy)
                // The others sort after every feed, as in a cycle whose due feeds wait behind the full feed platform.
                : new TrackedAccount($"z-farm-{i:D6}", FarmAccounts.KindOf(i) == FarmKind.Mastodon ? "mastodon" : "bluesky",
                    $"@farm{i}@example.test", "FRA", ActorType.Embassy)).ToArray(),
            DateTimeOffset.UtcNow, CancellationToken.None);
        var watch = new Stopwatch();
        var claimed = 0;
        for (var k = 0; k <= claims; k++)
        {
            var request = new ClaimRequest("probe", DateTimeOffset.UtcNow, TimeSpan.FromMinutes(10), 4, IgnoreSchedule: true)
            {
                FullPlatforms = ["rss"],
                CanStart = _ => true,
            };
            if (k > 0)
            {
                watch.Start();
            }

            var leases = await accounts.ClaimDueAsync(request, CancellationToken.None);
            watch.Stop();
            claimed += k > 0 ? leases.Count : 0;
            foreach (var lease in leases)
            {
                await accounts.ReleaseAsync(lease, CancellationToken.None);
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{n} accounts ({others.Length} not feeds), {claims} claims with feeds full: {watch.Elapsed.TotalMilliseconds * 1000 / claims:0} µs per claim, {(double)claimed / claims:0.0} accounts per claim"));
        return 0;
    }

    private sealed class ProbeEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "Monitor.Bench";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
