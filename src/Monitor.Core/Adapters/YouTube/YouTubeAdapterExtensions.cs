using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters.YouTube;

namespace Monitor.Core.Adapters;

// In the adapters' namespace so that AddMonitorAdapters needs one line per platform and no using.

/// <summary>Registers the YouTube adapter.</summary>
public static class YouTubeAdapterExtensions
{
    /// <summary>Adds the <c>youtube</c> adapter with its options (<c>Monitor:Platforms:YouTube</c>) and HttpClient.</summary>
    public static IServiceCollection AddYouTubeAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformAdapter<YouTubeAdapter, YouTubeOptions>(configuration, Platforms.YouTube, "YouTube");
        return services;
    }
}
