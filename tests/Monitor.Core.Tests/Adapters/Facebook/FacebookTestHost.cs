using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Storage;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Facebook;

/// <summary>The real service graph with the Facebook adapter pointed at a loopback Graph API.</summary>
internal sealed class FacebookTestHost : IAsyncDisposable
{
    public const string Token = "EAAGm0PX4ZCpsBAKSecretPageToken0123456789";
    public const string PageId = "112233445566778";

    private readonly ServiceProvider services;

    private FacebookTestHost(LoopbackServer server, ServiceProvider services, FakeTimeProvider time)
    {
        Server = server;
        this.services = services;
        Time = time;
    }

    public LoopbackServer Server { get; }

    public FakeTimeProvider Time { get; }

    public IPlatformAdapter Adapter => services.GetRequiredService<AdapterRegistry>().Get(Platforms.Facebook);

    public FakeLogCollector Logs => services.GetFakeLogCollector();

    public string BaseUrl => Server.Url("v23.0");

    public static async Task<FacebookTestHost> StartAsync(
        Func<FacebookTestHost, HttpContext, Task> handler,
        string? token = Token,
        IDictionary<string, string?>? extra = null)
    {
        FacebookTestHost? host = null;
        var server = await LoopbackServer.StartAsync(context => handler(host!, context));
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Platforms:Facebook:BaseUrl"] = server.Url("v23.0"),
            ["Monitor:Platforms:Facebook:AccessToken"] = token,
            ["Monitor:Http:Resilience:RetryBaseDelay"] = "00:00:00.010",
            ["Monitor:Http:Resilience:RetryMaxDelay"] = "00:00:00.050",
        };
        foreach (var pair in extra ?? new Dictionary<string, string?>())
        {
            settings[pair.Key] = pair.Value;
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var provider = MonitorTestServices.Build(settings, time, services =>
        {
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace));
            // The skeleton registers no store yet, so the poll cycle cannot be built; adapter tests do not need it.
            if (!services.Any(d => d.ServiceType == typeof(IAccountStore)))
            {
                services.RemoveAll<AccountPoller>();
                services.RemoveAll<PollCycle>();
            }
        });
        host = new FacebookTestHost(server, provider, time);
        return host;
    }

    public static FetchRequest Request(
        PollCursor? cursor = null, bool firstPoll = false, DateTimeOffset? backfillSince = null, IReadOnlyList<KnownPost>? recent = null) =>
        new(new TrackedAccount("xx-mfa", Platforms.Facebook, "MFAExample", "XXX", ActorType.ForeignMinistry),
            cursor ?? PollCursor.Empty, firstPoll, backfillSince, recent ?? []);

    /// <summary>Serves a fixture, with the loopback base URL and the token filled into <c>paging.next</c> as the Graph API does.</summary>
    public Task Json(HttpContext context, string fixture, int status = 200) =>
        Write(context, Fixtures.ReadText("Facebook/" + fixture).Replace("{{BASE}}", BaseUrl).Replace("{{TOKEN}}", Token), status);

    public static async Task Write(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
