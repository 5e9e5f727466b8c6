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
        return services;
    }
}
