using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;
using Monitor.Core.Archive;
using Monitor.Core.Polling.Budgets;

namespace Monitor.Core.Http;

/// <summary>The handlers under a platform client's resilience pipeline, and the socket handler at the bottom.</summary>
public static class HttpPipelineExtensions
{
    /// <summary>
    /// Decompression → redirects → private-network guard → capture archive → request meter (budgets) → SocketsHttpHandler (no automatic
    /// decompression or redirects, and a connect-time address check unless <c>Monitor:Http:AllowPrivateNetworks</c>).
    /// Call after the resilience handler, which stays outermost.
    /// </summary>
    public static IHttpClientBuilder AddMonitorHttpPipeline(this IHttpClientBuilder builder, Func<IServiceProvider, PlatformOptions> platform)
    {
        builder
            .ConfigurePrimaryHttpMessageHandler(provider => CreateSocketsHandler(provider.GetRequiredService<IOptions<MonitorHttpOptions>>().Value))
            .AddHttpMessageHandler(() => new DecompressionHandler())
            .AddHttpMessageHandler(() => new RedirectHandler())
            .AddHttpMessageHandler(provider => provider.GetRequiredService<IOptions<MonitorHttpOptions>>().Value.AllowPrivateNetworks
                ? new PassThroughHandler()
                : new PrivateNetworkGuardHandler(platform(provider).ApiBaseUrls().ToArray()))
            .AddHttpMessageHandler(provider => new CaptureArchiveHandler(provider.GetRequiredService<CaptureArchive>(), platform(provider).MaxResponseBytes))
            .AddHttpMessageHandler(provider => new RequestMeterHandler(platform(provider).RequestCost));
        return builder;
    }

    private static SocketsHttpHandler CreateSocketsHandler(MonitorHttpOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            // Decoded above the archive, which keeps the body as it arrived; redirects are followed hop by hop above the guard.
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (!options.AllowPrivateNetworks)
        {
            handler.ConnectCallback = PrivateNetworkConnector.ConnectAsync;
        }

        return handler;
    }

    private sealed class PassThroughHandler : DelegatingHandler;
}
