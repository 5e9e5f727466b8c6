using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Storage;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Telegram;

/// <summary>The real service graph with the Telegram adapter pointed at a loopback t.me.</summary>
internal sealed class TelegramTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private TelegramTestHost(LoopbackServer server, ServiceProvider services, FakeTimeProvider time)
    {
        Server = server;
        this.services = services;
        Time = time;
    }

    public LoopbackServer Server { get; }

    public FakeTimeProvider Time { get; }

    public IPlatformAdapter Adapter => services.GetRequiredService<AdapterRegistry>().Get(Platforms.Telegram);

    public FakeLogCollector Logs => services.GetFakeLogCollector();

    public static async Task<TelegramTestHost> StartAsync(RequestDelegate handler, IDictionary<string, string?>? extra = null)
    {
        var server = await LoopbackServer.StartAsync(handler);
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Platforms:Telegram:BaseUrl"] = server.BaseUrl.ToString(),
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
            // The skeleton registers no store yet, so the poll cycle cannot be built; adapter tests do not need it.
            if (!services.Any(d => d.ServiceType == typeof(IAccountStore)))
            {
                services.RemoveAll<AccountPoller>();
                services.RemoveAll<PollCycle>();
            }
        });
        return new TelegramTestHost(server, provider, time);
    }

    public static FetchRequest Request(
        string handle = "@mfa_example", string? position = null, bool firstPoll = false, DateTimeOffset? backfillSince = null,
        IReadOnlyList<KnownPost>? recent = null) =>
        new(new TrackedAccount("xx-mfa-tg", Platforms.Telegram, handle, "XXX", ActorType.ForeignMinistry),
            new PollCursor(Position: position), firstPoll, backfillSince, recent ?? []);

    public static async Task Html(HttpContext context, string html, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html);
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
