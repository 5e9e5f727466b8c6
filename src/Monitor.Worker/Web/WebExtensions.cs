using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Configuration;
using Monitor.Worker.Web.Metrics;

namespace Monitor.Worker.Web;

/// <summary>Registers the status endpoint (<c>Monitor:Web</c>) and metric export (<c>Monitor:Telemetry</c>) for the service.</summary>
internal static class WebExtensions
{
    public static IServiceCollection AddMonitorWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<WebOptions>(configuration, WebOptions.SectionPath);
        var enabled = configuration.GetValue(WebOptions.SectionPath + ":Enabled", true);
        services.AddMonitorTelemetry(configuration, prometheus: enabled);
        if (enabled)
        {
            // Registered last, so it starts after the store and the scheduler and stops before them.
            services.AddSingleton<WebEndpointService>();
            services.AddHostedService(provider => provider.GetRequiredService<WebEndpointService>());
        }

        return services;
    }
}
