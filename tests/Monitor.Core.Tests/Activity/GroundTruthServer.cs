using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Monitor.Core.Accounts;
using Monitor.Testing;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// Serves the generated history on 127.0.0.1 as the platforms would show it at the test clock's "now": each feed
/// account's feed (<see cref="GroundTruthFeeds"/>) and X API v2 for the X accounts (<see cref="GroundTruthXApi"/>).
/// </summary>
internal sealed class GroundTruthServer(GroundTruthHistory history, TimeProvider time)
{
    public static Task<LoopbackServer> StartAsync(GroundTruthHistory history, TimeProvider time) =>
        LoopbackServer.StartAsync(new GroundTruthServer(history, time).HandleAsync);

    /// <summary>Writes a JSON body built by <paramref name="write"/>.</summary>
    public static async Task RespondAsync(HttpContext context, int status, string contentType, Action<Utf8JsonWriter> write)
    {
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(body.ToArray(), context.RequestAborted);
    }

    private Task HandleAsync(HttpContext context)
    {
        var now = time.GetUtcNow();
        var path = context.Request.Path.Value ?? "/";
        if (GroundTruthHistory.Accounts.FirstOrDefault(a => a.Platform == Platforms.Rss && a.Handle == path) is { } feed)
        {
            return GroundTruthFeeds.WriteAsync(context, feed, history.PublishedBy(feed.Id, now));
        }

        if (path.StartsWith("/2/", StringComparison.Ordinal))
        {
            return new GroundTruthXApi(history, now).HandleAsync(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
