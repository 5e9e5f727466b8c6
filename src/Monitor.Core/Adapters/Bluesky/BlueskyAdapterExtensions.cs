using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>Registers the Bluesky adapter.</summary>
public static class BlueskyAdapterExtensions
{
    /// <summary>Adds the Bluesky adapter with its options (<c>Monitor:Platforms:Bluesky</c>) and HttpClient.</summary>
    public static IServiceCollection AddBlueskyAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPlatformAdapter<BlueskyAdapter, BlueskyOptions>(configuration, Platforms.Bluesky, "Bluesky");
}
