using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters.X;

namespace Monitor.Core.Adapters;

// In the adapters' namespace so that AddMonitorAdapters needs one line per platform and no using.

/// <summary>Registers the X adapter.</summary>
public static class XAdapterExtensions
{
    /// <summary>Adds the <c>x</c> adapter with its options (<c>Monitor:Platforms:X</c>) and HttpClient.</summary>
    public static IServiceCollection AddXAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPlatformAdapter<XAdapter, XOptions>(configuration, Platforms.X, "X");
        return services;
    }
}
