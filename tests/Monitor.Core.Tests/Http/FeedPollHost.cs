using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Polling;
using Monitor.Core.Storage;
using Monitor.Testing;

namespace Monitor.Core.Tests.Http;

/// <summary>Real poll cycles of <c>rss</c> accounts (SQLite in a temporary folder) through the full HTTP pipeline.</summary>
internal sealed class FeedPollHost : IAsyncDisposable
{
    private FeedPollHost(ServiceProvider services, string directory)
    {
        Services = services;
        Directory = directory;
    }

    public ServiceProvider Services { get; }

    /// <summary>The temporary folder: the database, and the archive under <c>archive/</c> when enabled.</summary>
    public string Directory { get; }

    public string ArchiveFolder => Path.Combine(Directory, "archive");

    /// <param name="extra">Settings added to (or replacing) the defaults.</param>
    /// <param name="configure">Service overrides.</param>
    /// <param name="directory">An earlier host's folder, to start again on its database and archive (a restart).</param>
    /// <param name="time">The clock; the system's when null.</param>
    public static async Task<FeedPollHost> StartAsync(
        IDictionary<string, string?>? extra = null, Action<IServiceCollection>? configure = null, string? directory = null, TimeProvider? time = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("monitor-http-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Storage:Sqlite:Path"] = Path.Combine(directory, "monitor.db"),
            ["Monitor:Http:Resilience:MaxRetryAttempts"] = "0",
            ["Monitor:Archive:Path"] = Path.Combine(directory, "archive"),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = MonitorTestServices.Build(settings, time, configure);
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(CancellationToken.None);
        return new FeedPollHost(services, directory);
    }

    /// <summary>Lists the feeds as rss accounts <c>feed-0</c>, <c>feed-1</c>, … and polls them all once.</summary>
    public async Task<CycleSummary> PollAsync(params string[] feedUrls)
    {
        var accounts = feedUrls.Select((url, i) => new TrackedAccount($"feed-{i}", Platforms.Rss, url, "GBR", ActorType.Embassy)).ToArray();
        await Services.GetRequiredService<IAccountStore>().SyncAccountsAsync(accounts, DateTimeOffset.UtcNow, CancellationToken.None);
        return await Services.GetRequiredService<PollCycle>().RunAsync(new CycleRequest(IgnoreSchedule: true), CancellationToken.None);
    }

    /// <summary>Stops the services and leaves the folder, as a process that died would (see <see cref="StartAsync"/>'s directory).</summary>
    public async ValueTask StopAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
