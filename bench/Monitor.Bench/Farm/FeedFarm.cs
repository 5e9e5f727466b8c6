using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace Monitor.Bench.Farm;

/// <summary>
/// Kestrel on 127.0.0.1 serving <see cref="FarmAccounts"/>: feeds with ETag/Last-Modified (304 on a match), Mastodon
/// REST and Bluesky XRPC JSON. Bodies are generated per request (nothing cached, so the farm's memory stays small).
/// </summary>
internal sealed class FeedFarm : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly TimeSpan latency;
    private long ok;
    private long notModified;
    private long notFound;
    private int generation;
    private ConcurrentQueue<string>? recorded;

    private FeedFarm(WebApplication app, TimeSpan latency)
    {
        this.app = app;
        this.latency = latency;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Feeds' generation: each step gives every feed <see cref="FarmAccounts.NewEntriesPerGeneration"/> new entries and a new ETag.</summary>
    public int Generation
    {
        get => Volatile.Read(ref generation);
        set => Volatile.Write(ref generation, value);
    }

    /// <summary>Starts writing down every request (absolute URL, tab, If-None-Match), for a baseline that replays them.</summary>
    public void StartRecording() => Volatile.Write(ref recorded, new ConcurrentQueue<string>());

    /// <summary>The requests since <see cref="StartRecording"/>, in arrival order; recording stops.</summary>
    public IReadOnlyList<string> StopRecording() => Interlocked.Exchange(ref recorded, null)?.ToArray() ?? [];

    public (long Ok, long NotModified, long NotFound) Counts => (Interlocked.Read(ref ok), Interlocked.Read(ref notModified), Interlocked.Read(ref notFound));

    public static async Task<FeedFarm> StartAsync(int port, TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            options.Listen(IPAddress.Loopback, port);
            options.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        var farm = new FeedFarm(app, latency);
        app.Run(farm.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        farm.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return farm;
    }

    public void ResetCounts()
    {
        Interlocked.Exchange(ref ok, 0);
        Interlocked.Exchange(ref notModified, 0);
        Interlocked.Exchange(ref notFound, 0);
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted);
        }

        var path = context.Request.Path.Value ?? "/";
        Volatile.Read(ref recorded)?.Enqueue(new Uri(BaseUrl, path.TrimStart('/') + context.Request.QueryString).AbsoluteUri + "\t" + context.Request.Headers.IfNoneMatch);
        var query = context.Request.Query;
        var response = context.Response;
        byte[]? body = path switch
        {
            _ when path.StartsWith("/feeds/", StringComparison.Ordinal) => ServeFeed(context, path),
            "/api/v1/accounts/lookup" => Index(query["acct"].ToString().Replace("user", string.Empty, StringComparison.Ordinal)) is { } i
                ? SocialDocuments.MastodonAccount(i) : null,
            _ when path.StartsWith("/api/v1/accounts/", StringComparison.Ordinal) && path.EndsWith("/statuses", StringComparison.Ordinal) =>
                Index(path["/api/v1/accounts/".Length..^"/statuses".Length]) is { } i
                    ? SocialDocuments.MastodonStatuses(i, Number(query["limit"]) is { } l ? (int)l : 20, Number(query["max_id"]), Number(query["min_id"]))
                    : null,
            _ when path.StartsWith("/api/v1/statuses/", StringComparison.Ordinal) => Number(path["/api/v1/statuses/".Length..]) is { } id
                ? SocialDocuments.MastodonStatus((int)(id / 1000) - 1, FarmAccounts.EntriesPerAccount - (int)(id % 1000)) : null,
            "/xrpc/app.bsky.actor.getProfile" => BlueskyActor(query["actor"]) is { } i ? SocialDocuments.BlueskyProfile(i) : null,
            "/xrpc/app.bsky.feed.getAuthorFeed" => BlueskyActor(query["actor"]) is { } i ? SocialDocuments.BlueskyAuthorFeed(i) : null,
            "/xrpc/app.bsky.feed.getPosts" => SocialDocuments.BlueskyPosts(query["uris"].OfType<string>()),
            _ => null,
        };

        if (response.StatusCode == StatusCodes.Status304NotModified)
        {
            Interlocked.Increment(ref notModified);
            return;
        }

        if (body is null)
        {
            Interlocked.Increment(ref notFound);
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Interlocked.Increment(ref ok);
        response.ContentType ??= "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted);
    }

    // RFC 9110 §13.1.2 and §13.1.3: If-None-Match wins; If-Modified-Since only counts without it.
    private byte[]? ServeFeed(HttpContext context, string path)
    {
        var name = path["/feeds/".Length..];
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || Index(name[..dot]) is not { } index || FarmAccounts.KindOf(index) > FarmKind.Json)
        {
            return null;
        }

        var generation = Generation;
        var etag = FarmAccounts.ETag(index, generation);
        var lastModified = FarmAccounts.Published(index, -generation * FarmAccounts.NewEntriesPerGeneration);
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.LastModified = lastModified.ToString("r", CultureInfo.InvariantCulture);
        headers.CacheControl = "max-age=300";
        var request = context.Request.Headers;
        var unchanged = request.IfNoneMatch.Count > 0
            ? request.IfNoneMatch.ToString().Contains(etag, StringComparison.Ordinal)
            : HeaderUtilities.TryParseDate(request.IfModifiedSince.ToString(), out var since) && since >= lastModified;
        if (unchanged)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return null;
        }

        context.Response.ContentType = FeedDocuments.ContentType(index);
        return FeedDocuments.Build(index, generation);
    }

    private static int? BlueskyActor(string? actor) =>
        SocialDocuments.TryParseDid(actor, out var did) ? did
        : actor is not null && actor.StartsWith("acct", StringComparison.Ordinal) && actor.EndsWith(".farm.test", StringComparison.Ordinal)
            ? Index(actor["acct".Length..^".farm.test".Length])
            : null;

    private static int? Index(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value : null;

    private static long? Number(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
