using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Http;
using Monitor.Core.Polling.Budgets;
using Monitor.Core.Resilience;

namespace Monitor.Core.Adapters;

/// <summary>What every adapter's <c>Add&lt;Platform&gt;Adapter()</c> does: options, a resilient HttpClient, the adapter.</summary>
public static class AdapterRegistration
{
    /// <summary>Name of the HttpClient a platform's adapter gets from <see cref="IHttpClientFactory"/>.</summary>
    public static string HttpClientName(string platform) => "monitor-" + platform;

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <c>Monitor:Platforms:<paramref name="sectionName"/></c> (validated at start),
    /// registers the platform's HttpClient with User-Agent and the Polly pipeline, and the adapter as a singleton.
    /// </summary>
    public static IServiceCollection AddPlatformAdapter<TAdapter, TOptions>(
        this IServiceCollection services, IConfiguration configuration, string platform, string sectionName)
        where TAdapter : class, IPlatformAdapter
        where TOptions : PlatformOptions
    {
        services.AddValidatedOptions<TOptions>(configuration, $"Monitor:Platforms:{sectionName}");
        services.AddHttpClient(HttpClientName(platform), (provider, client) =>
            {
                var platformOptions = provider.GetRequiredService<IOptions<TOptions>>().Value;
                var http = provider.GetRequiredService<IOptions<MonitorHttpOptions>>().Value;
                var resilience = provider.GetRequiredService<IOptions<HttpResilienceOptions>>().Value;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(http.BuildUserAgent(platformOptions.UserAgent));
                // The pipeline's timeouts govern; this only backstops them.
                client.Timeout = resilience.TotalTimeout + TimeSpan.FromSeconds(30);
                client.MaxResponseContentBufferSize = Math.Min(platformOptions.MaxResponseBytes, int.MaxValue);
            })
            // The factory's default logging writes request URIs and, at Trace, headers: tokens and query-string keys would leak.
            .RemoveAllLoggers()
            .AddMonitorResilience(provider => provider.GetRequiredService<IOptions<TOptions>>().Value.RequestTimeout)
            .AddMonitorHttpPipeline(provider => provider.GetRequiredService<IOptions<TOptions>>().Value);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPlatformAdapter, TAdapter>());
        services.AddSingleton(provider =>
        {
            var platformOptions = provider.GetRequiredService<IOptions<TOptions>>().Value;
            return new PlatformBudget(platform, platformOptions.Budget, platformOptions.BudgetUnit());
        });
        services.AddSingleton(provider => new PlatformConcurrencyLimit(platform, provider.GetRequiredService<IOptions<TOptions>>().Value.MaxConcurrency));
        return services;
    }
}
