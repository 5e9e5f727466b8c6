using Microsoft.AspNetCore.Http;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Adapters.Telegram;

/// <summary>The Telegram adapter against a loopback t.me.</summary>
internal static class TelegramTestHost
{
    public static Task<AdapterTestHost> StartAsync(RequestDelegate handler, IDictionary<string, string?>? extra = null) =>
        AdapterTestHost.StartAsync(Platforms.Telegram, (_, context) => handler(context), server =>
            new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
            {
                ["Monitor:Platforms:Telegram:BaseUrl"] = server.BaseUrl.ToString(),
            }, new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));

    public static FetchRequest Request(
        string handle = "@mfa_example", string? position = null, bool firstPoll = false, DateTimeOffset? backfillSince = null,
        IReadOnlyList<KnownPost>? recent = null) =>
        new(new TrackedAccount("xx-mfa-tg", Platforms.Telegram, handle, "XXX", ActorType.ForeignMinistry),
            new PollCursor(Position: position), firstPoll, backfillSince, recent ?? []);

    public static Task Html(HttpContext context, string html, int status = 200) =>
        AdapterTestHost.Respond(context, status, html, "text/html; charset=utf-8");
}
