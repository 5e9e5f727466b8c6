using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Accounts;
using Monitor.Core.Accounts.Discovery;
using Monitor.Core.Accounts.Wikidata;
using Monitor.Core.Activity;
using Monitor.Core.Adapters;
using Monitor.Core.Adapters.Bluesky;
using Monitor.Core.Adapters.Feeds;
using Monitor.Core.Adapters.Mastodon;
using Monitor.Core.Archive;
using Monitor.Core.Configuration;
using Monitor.Core.Diagnostics;
using Monitor.Core.Http;
using Monitor.Core.Languages;
using Monitor.Core.Polling;
using Monitor.Core.Polling.Budgets;
using Monitor.Core.Resilience;
using Monitor.Core.Storage;

namespace Monitor.Core;

/// <summary>Registers Monitor's core: options, adapters, storage and the poll cycle.</summary>
public static class MonitorServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<MonitorHttpOptions>(configuration, MonitorHttpOptions.SectionPath);
        services.AddValidatedOptions<HttpResilienceOptions>(configuration, HttpResilienceOptions.SectionPath);
        services.AddValidatedOptions<PollingOptions>(configuration, PollingOptions.SectionPath);
        services.AddValidatedOptions<AccountsOptions>(configuration, AccountsOptions.SectionPath);
        services.AddKnownSettings("Monitor:ShutdownTimeout"); // read by the host (HostOptions.ShutdownTimeout)

        services.TryAddSingleton(provider => new SecretRedactor(configuration));
        services.TryAddSingleton<WorkerIdentity>();
        services.TryAddSingleton<AdapterRegistry>();
        services.TryAddSingleton<PlatformConcurrency>();
        services.TryAddSingleton<AccountListLoader>();
        services.TryAddSingleton<NextPollCalculator>();
        services.TryAddSingleton<RequestBudgetTracker>();
        services.TryAddSingleton<AccountPoller>();
        services.TryAddSingleton<PollCycle>();
        services.TryAddSingleton<PollCycleState>();

        services.AddMonitorArchive(configuration);
        services.AddMonitorStorage(configuration);
        services.AddMonitorActivity(configuration);
        services.AddMonitorLanguages(configuration);
        services.AddMonitorAdapters(configuration);
        services.AddWikidataImport(configuration);
        services.AddSiteDiscovery(configuration);
        return services;
    }

    /// <summary>One line per platform: adding a platform is its folder plus a line here.</summary>
    public static IServiceCollection AddMonitorAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFeedAdapter(configuration);
        services.AddMastodonAdapter(configuration);
        services.AddBlueskyAdapter(configuration);
        services.AddYouTubeAdapter(configuration);
        services.AddXAdapter(configuration);
        services.AddFacebookAdapter(configuration);
        services.AddTelegramAdapter(configuration);
        return services;
    }
}
