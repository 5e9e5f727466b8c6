using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters;

/// <summary>
/// A loopback server (per-path routes, or one handler for everything) plus Monitor's real service graph pointed at it
/// (Trace logging, quick retries, a FakeTimeProvider unless real time is asked for), shared by the adapter tests.
/// </summary>
internal sealed class AdapterTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2024, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private readonly ConcurrentDictionary<string, RequestDelegate> routes = new(StringComparer.Ordinal);
    private Func<AdapterTestHost, HttpContext, Task>? fallback;
    private FakeTimeProvider? time;
    private readonly string platform;

    private AdapterTestHost(string platform) => this.platform = platform;

    public LoopbackServer Server { get; private set; } = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public IPlatformAdapter Adapter => Services.GetRequiredService<AdapterRegistry>().Get(platform);

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>The fake clock the services run on.</summary>
    public FakeTimeProvider Time => time ?? throw new InvalidOperationException("This host runs on real time.");

    /// <summary>
    /// Starts the server, then builds the services from the settings (given the server's base URL), on a FakeTimeProvider
    /// at <see cref="Now"/> unless <c>realTime</c> (needed when the pipeline waits between retries).
    /// </summary>
    public static Task<AdapterTestHost> StartAsync(string platform, Func<string, Dictionary<string, string?>> settings, bool realTime = false) =>
        StartAsync(platform, null, server => settings(server.BaseUrl.ToString().TrimEnd('/')), realTime ? null : Now);

    /// <summary>
    /// Starts the server with one <paramref name="handler"/> for every request (routes added later still win), then builds the
    /// services from <paramref name="settings"/> on a FakeTimeProvider at <paramref name="now"/>.
    /// </summary>
    public static Task<AdapterTestHost> StartAsync(
        string platform, Func<AdapterTestHost, HttpContext, Task> handler, Func<LoopbackServer, IDictionary<string, string?>> settings, DateTimeOffset now) =>
        StartAsync(platform, handler, settings, (DateTimeOffset?)now);

    private static async Task<AdapterTestHost> StartAsync(
        string platform, Func<AdapterTestHost, HttpContext, Task>? handler, Func<LoopbackServer, IDictionary<string, string?>> settings, DateTimeOffset? now)
    {
        var host = new AdapterTestHost(platform) { fallback = handler };
        host.Server = await LoopbackServer.StartAsync(context =>
            host.routes.TryGetValue(context.Request.Path.Value ?? "/", out var route) ? route(context)
            : host.fallback is { } fallback ? fallback(host, context)
            : Respond(context, 404, "{}"));
        var all = new Dictionary<string, string?>(settings(host.Server))
        {
            ["Monitor:Http:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Monitor:Http:Resilience:RetryMaxDelay"] = "00:00:00.020",
        };
        host.time = now is { } start ? new FakeTimeProvider(start) : null;
        host.Services = MonitorTestServices.Build(all, host.time,
            services => services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace)));
        return host;
    }

    public void Route(string path, RequestDelegate handler) => routes[path] = handler;

    /// <summary>Serves a fixture file at <paramref name="path"/>.</summary>
    public void Serve(string path, string fixture, int status = 200, params (string Name, string Value)[] headers) =>
        Route(path, context => Send(context, fixture, status, headers));

    public static Task Send(HttpContext context, string fixture, int status = 200, params (string Name, string Value)[] headers)
    {
        foreach (var (name, value) in headers) context.Response.Headers[name] = value;
        return Respond(context, status, Fixtures.ReadText(fixture), fixture.EndsWith(".xml", StringComparison.Ordinal) ? "application/atom+xml; charset=UTF-8" : "application/json");
    }

    public static async Task Respond(HttpContext context, int status, string body, string contentType = "application/json")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }

    public Task<FetchResult> FetchAsync(FetchRequest request) => Adapter.FetchAsync(request, TestContext.Current.CancellationToken);

    public static FetchRequest Request(string platform, string handle, PollCursor? cursor = null, bool firstPoll = false, DateTimeOffset? backfillSince = null, params KnownPost[] recent) =>
        new(new TrackedAccount("acc-1", platform, handle, "GBR", ActorType.ForeignMinistry), cursor ?? PollCursor.Empty, firstPoll, backfillSince, recent);

    /// <summary>Asserts that no log record (message, state, exception) holds <paramref name="secret"/>, and that the HttpClient factory logged nothing for the platform.</summary>
    public void AssertNeverLogged(string secret)
    {
        var records = Logs.GetSnapshot();
        Assert.NotEmpty(records);
        foreach (var record in records)
        {
            Assert.DoesNotContain(secret, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, record.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
            Assert.All(record.StructuredState ?? [], pair => Assert.DoesNotContain(secret, pair.Value ?? string.Empty, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(records, r => r.Category?.StartsWith("System.Net.Http.HttpClient." + AdapterRegistration.HttpClientName(platform), StringComparison.Ordinal) == true);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
