namespace Monitor.Bench.Farm;

/// <summary><c>farm</c>: serves the feed farm on its own until Ctrl+C, printing an accounts CSV for it first.</summary>
internal static class FarmCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchArgs.Parse(args);
        await using var farm = await FeedFarm.StartAsync(options.Int("port", 5080), TimeSpan.FromMilliseconds(options.Int("latency-ms", 0)));
        // --generation G serves the feeds as the cycle's third run sees them (G = 1: two new entries per feed).
        farm.Generation = options.Int("generation", 0);
        var csv = options.Text("accounts") ?? Path.Combine(Path.GetTempPath(), "monitor-farm-accounts.csv");
        FarmAccountsFile.Write(csv, options.Int("n", 1000), farm.BaseUrl);
        Console.WriteLine($"Feed farm at {farm.BaseUrl}; accounts in {csv}. Ctrl+C stops.");
        var stop = new TaskCompletionSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.TrySetResult();
        };
        await stop.Task;
        return 0;
    }
}
