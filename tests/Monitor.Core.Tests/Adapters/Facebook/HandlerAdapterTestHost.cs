using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Storage;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters;

/// <summary>
/// A loopback server plus Monitor's real service graph (Trace logging, fake clock) with one platform's BaseUrl
/// pointing at it. Shared by the Facebook and Telegram tests; a candidate for Monitor.Testing.
/// </summary>
internal sealed class HandlerAdapterTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;
    private readonly string platform;

    private HandlerAdapterTestHost(LoopbackServer server, ServiceProvider services, FakeTimeProvider time, string platform)
    {
        Server = server;
        this.services = services;
        Time = time;
        this.platform = platform;
    }

    public LoopbackServer Server { get; }

    public FakeTimeProvider Time { get; }

    public IPlatformAdapter Adapter => services.GetRequiredService<AdapterRegistry>().Get(platform);

    public FakeLogCollector Logs => services.GetFakeLogCollector();

    /// <summary>Starts the server; <paramref name="settings"/> gets the server's base URL and returns the platform's settings.</summary>
    public static async Task<HandlerAdapterTestHost> StartAsync(
        string platform, Func<HandlerAdapterTestHost, HttpContext, Task> handler, Func<LoopbackServer, IDictionary<string, string?>> settings)
    {
        HandlerAdapterTestHost? host = null;
        var server = await LoopbackServer.StartAsync(context => handler(host!, context));
        var all = new Dictionary<string, string?>(settings(server))
        {
            ["Monitor:Http:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Monitor:Http:Resilience:RetryMaxDelay"] = "00:00:00.050",
        };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var provider = MonitorTestServices.Build(all, time, services =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
        });
        host = new HandlerAdapterTestHost(server, provider, time, platform);
        return host;
    }

    public static async Task Write(HttpContext context, string body, string contentType, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
