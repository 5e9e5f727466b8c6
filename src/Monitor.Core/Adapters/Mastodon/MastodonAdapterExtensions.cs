using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;

namespace Monitor.Core.Adapters.Mastodon;

/// <summary>Registers the Mastodon adapter.</summary>
public static class MastodonAdapterExtensions
{
    /// <summary>Adds the Mastodon adapter with its options (<c>Monitor:Platforms:Mastodon</c>) and HttpClient.</summary>
    public static IServiceCollection AddMastodonAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPlatformAdapter<MastodonAdapter, MastodonOptions>(configuration, Platforms.Mastodon, "Mastodon");
}
