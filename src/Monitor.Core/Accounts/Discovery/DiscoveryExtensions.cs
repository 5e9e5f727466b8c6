using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Http;
using Monitor.Core.Resilience;

namespace Monitor.Core.Accounts.Discovery;

/// <summary>Registers site discovery.</summary>
public static class DiscoveryExtensions
{
    /// <summary>Adds <see cref="DiscoveryOptions"/> (<c>Monitor:Discovery</c>), its HttpClient (Monitor's User-Agent and Polly pipeline) and the discoverer.</summary>
    public static IServiceCollection AddSiteDiscovery(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<DiscoveryOptions>(configuration, DiscoveryOptions.SectionPath);
        services.AddHttpClient(SiteDiscoverer.HttpClientName, (provider, client) =>
            {
                var http = provider.GetRequiredService<IOptions<MonitorHttpOptions>>().Value;
                var resilience = provider.GetRequiredService<IOptions<HttpResilienceOptions>>().Value;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(http.BuildUserAgent());
                client.Timeout = resilience.TotalTimeout + TimeSpan.FromSeconds(30);
                client.MaxResponseContentBufferSize = provider.GetRequiredService<IOptions<DiscoveryOptions>>().Value.MaxPageBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AllowAutoRedirect = true,
                MaxAutomaticRedirections = 5,
            })
            .RemoveAllLoggers()
            .AddMonitorResilience(provider => provider.GetRequiredService<IOptions<DiscoveryOptions>>().Value.RequestTimeout);
        services.TryAddSingleton<SiteDiscoverer>();
        return services;
    }
}
