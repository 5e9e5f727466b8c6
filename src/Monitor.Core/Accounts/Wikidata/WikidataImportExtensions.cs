using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Http;
using Monitor.Core.Resilience;

namespace Monitor.Core.Accounts.Wikidata;

/// <summary>Registers the Wikidata import.</summary>
public static class WikidataImportExtensions
{
    /// <summary>
    /// Adds <see cref="WikidataOptions"/> (<c>Monitor:Wikidata</c>, validated at start), the query service's HttpClient
    /// with Monitor's Polly pipeline and a User-Agent that carries the contact, and the importer.
    /// </summary>
    public static IServiceCollection AddWikidataImport(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WikidataOptions>(configuration, WikidataOptions.SectionPath);
        services.AddHttpClient(WikidataImporter.HttpClientName, (provider, client) =>
            {
                var wikidata = provider.GetRequiredService<IOptions<WikidataOptions>>().Value;
                var http = provider.GetRequiredService<IOptions<MonitorHttpOptions>>().Value;
                var resilience = provider.GetRequiredService<IOptions<HttpResilienceOptions>>().Value;
                // Wikimedia's User-Agent policy: "client/version (contact information)".
                client.DefaultRequestHeaders.UserAgent.ParseAdd(string.IsNullOrWhiteSpace(wikidata.Contact)
                    ? http.UserAgent
                    : $"{http.UserAgent} ({wikidata.Contact.Trim()})");
                client.Timeout = resilience.TotalTimeout + TimeSpan.FromSeconds(30);
                client.MaxResponseContentBufferSize = wikidata.MaxResponseBytes;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers()
            .AddMonitorResilience(provider => provider.GetRequiredService<IOptions<WikidataOptions>>().Value.RequestTimeout);
        services.TryAddSingleton<WikidataImporter>();
        return services;
    }
}
