using Microsoft.AspNetCore.Http;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Facebook;

/// <summary>The Facebook adapter against a loopback Graph API at <c>/v23.0</c>.</summary>
internal static class FacebookTestHost
{
    public const string Token = "EAAGm0PX4ZCpsBAKSecretPageToken0123456789";
    public const string PageId = "112233445566778";

    public static Task<AdapterTestHost> StartAsync(
        Func<AdapterTestHost, HttpContext, Task> handler, string? token = Token, IDictionary<string, string?>? extra = null) =>
        AdapterTestHost.StartAsync(Platforms.Facebook, handler, server =>
        {
            var settings = new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>())
            {
                ["Monitor:Platforms:Facebook:BaseUrl"] = BaseUrl(server),
                ["Monitor:Platforms:Facebook:AccessToken"] = token,
            };
            return settings;
        }, Now);

    /// <summary>The fake clock's start for Facebook tests.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);

    public static string BaseUrl(LoopbackServer server) => server.Url("v23.0");

    public static FetchRequest Request(
        PollCursor? cursor = null, bool firstPoll = false, DateTimeOffset? backfillSince = null, IReadOnlyList<KnownPost>? recent = null) =>
        new(new TrackedAccount("xx-mfa", Platforms.Facebook, "MFAExample", "XXX", ActorType.ForeignMinistry),
            cursor ?? PollCursor.Empty, firstPoll, backfillSince, recent ?? []);

    /// <summary>Serves a fixture, with the loopback base URL and the token filled into <c>paging.next</c> as the Graph API does.</summary>
    public static Task Json(this AdapterTestHost host, HttpContext context, string fixture, int status = 200) =>
        Write(context, Fixtures.ReadText("Facebook/" + fixture).Replace("{{BASE}}", BaseUrl(host.Server)).Replace("{{TOKEN}}", Token), status);

    public static Task Write(HttpContext context, string json, int status = 200) =>
        AdapterTestHost.Respond(context, status, json, "application/json; charset=UTF-8");
}
