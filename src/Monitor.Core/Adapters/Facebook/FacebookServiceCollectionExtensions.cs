using Microsoft.Extensions.Configuration;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Adapters.Facebook;

// The DI namespace by .NET convention, so AddMonitorAdapters needs only its registration line.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Facebook Graph API adapter.</summary>
public static class FacebookServiceCollectionExtensions
{
    /// <summary>Adds the <c>facebook</c> adapter, bound to <c>Monitor:Platforms:Facebook</c>.</summary>
    public static IServiceCollection AddFacebookAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformAdapter<FacebookAdapter, FacebookOptions>(configuration, Platforms.Facebook, "Facebook");
        // IHttpClientFactory's default request logging masks header values in its message text but hands the raw
        // Authorization header to log providers as structured state at Trace: the bearer token would reach any
        // provider that writes state (JSON console, OpenTelemetry). Retries and failures are logged by Monitor itself.
        services.AddHttpClient(AdapterRegistration.HttpClientName(Platforms.Facebook)).RemoveAllLoggers();
        return services;
    }
}
