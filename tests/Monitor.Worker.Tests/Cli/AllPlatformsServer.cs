using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Monitor.Testing;

namespace Monitor.Worker.Tests.Cli;

/// <summary>
/// One loopback server standing in for every platform at once, routed by path and answering with the recorded
/// fixtures of the Core adapter tests (linked into this project's output): the paths and queries are the ones the
/// adapters request, as their Core tests' fake servers serve them.
/// </summary>
internal static class AllPlatformsServer
{
    public const string FeedPath = "/feeds/rss2-embassy.xml";
    private const string MastodonAccountId = "109302436954721982";
    private const string XUserId = "2244994945";
    private const string XNextToken = "7140dibdnow9c7btw3z2vwioavpvutgzrzm9icis4ndix";
    private const string FacebookPageId = "112233445566778";

    public static Task HandleAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var path = context.Request.Path.Value ?? "/";
        return path switch
        {
            FeedPath => SendFixtureAsync(context, "Feeds/rss2-embassy.xml", "application/rss+xml"),

            // Mastodon: a first poll reads the newest page; later polls ask for min_id (nothing newer) and re-read
            // stored statuses one by one for edits and deletions.
            "/api/v1/accounts/lookup" => SendFixtureAsync(context, "Mastodon/account.json"),
            $"/api/v1/accounts/{MastodonAccountId}/statuses" => query.ContainsKey("min_id") || query.ContainsKey("max_id")
                ? SendAsync(context, "[]", "application/json")
                : SendFixtureAsync(context, "Mastodon/statuses-kinds.json"),
            _ when path.StartsWith("/api/v1/statuses/", StringComparison.Ordinal) => SendItemAsync(context,
                JsonNode.Parse(Fixtures.ReadText("Mastodon/statuses-kinds.json"))!.AsArray()
                    .FirstOrDefault(s => s!["id"]!.GetValue<string>() == path["/api/v1/statuses/".Length..])),

            // Bluesky: the whole author feed fits one page (no cursor); getPosts re-reads the account's own posts.
            "/xrpc/app.bsky.actor.getProfile" => SendFixtureAsync(context, "Bluesky/profile.json"),
            "/xrpc/app.bsky.feed.getAuthorFeed" => SendFixtureAsync(context, "Bluesky/feed-kinds.json"),
            "/xrpc/app.bsky.feed.getPosts" => SendAsync(context, new JsonObject
            {
                ["posts"] = new JsonArray(BlueskyFeed()
                    .Where(i => i["reason"] is null && query["uris"].Contains(i["post"]!["uri"]!.GetValue<string>()))
                    .Select(i => i["post"]!.DeepClone()).ToArray()),
            }.ToJsonString(), "application/json"),

            // YouTube: the channel's Atom feed, then the Data API under /youtube/v3 (two uploads pages, every
            // re-checked video still public).
            "/feeds/videos.xml" => SendFixtureAsync(context, "YouTube/feed.xml", "application/atom+xml"),
            "/youtube/v3/channels" => SendFixtureAsync(context,
                query.ContainsKey("forHandle") ? "YouTube/channels-for-handle.json" : "YouTube/channels-statistics.json"),
            "/youtube/v3/playlistItems" => SendFixtureAsync(context,
                query["pageToken"] == "EAAaBlBUOkNESQ" ? "YouTube/uploads-page2.json" : "YouTube/uploads-page1.json"),
            "/youtube/v3/videos" => SendAsync(context, new JsonObject
            {
                ["items"] = new JsonArray(query["id"].ToString().Split(',')
                    .Select(id => (JsonNode)new JsonObject { ["kind"] = "youtube#video", ["id"] = id }).ToArray()),
            }.ToJsonString(), "application/json"),

            // X: two timeline pages on a first poll, nothing newer than since_id later, every looked-up post alive.
            $"/2/users/by/username/MFA_Example" => SendFixtureAsync(context, "X/user.json"),
            $"/2/users/{XUserId}" => SendFixtureAsync(context, "X/user.json"),
            $"/2/users/{XUserId}/tweets" => SendFixtureAsync(context, query.ContainsKey("since_id") ? "X/timeline-empty.json"
                : query["pagination_token"] == XNextToken ? "X/timeline-page2.json" : "X/timeline-page1.json"),
            "/2/tweets" => SendAsync(context, new JsonObject
            {
                ["data"] = new JsonArray(XTimeline().Where(t => query["ids"].ToString().Split(',').Contains(t["id"]!.GetValue<string>()))
                    .Select(t => t.DeepClone()).ToArray()),
            }.ToJsonString(), "application/json"),

            // Facebook: the Graph API at /v23.0, paging.next pointing back here.
            "/v23.0/MFAExample" or $"/v23.0/{FacebookPageId}" => SendFixtureAsync(context, "Facebook/page.json"),
            $"/v23.0/{FacebookPageId}/posts" => SendAsync(context,
                Fixtures.ReadText(query["after"] == "QVFIUnBfPAGE2CURSOR" ? "Facebook/posts-page2.json" : "Facebook/posts-page1.json")
                    .Replace("{{BASE}}", $"http://{context.Request.Host}/v23.0", StringComparison.Ordinal)
                    .Replace("{{TOKEN}}", "test-token", StringComparison.Ordinal), "application/json"),

            // Telegram: the t.me preview; asked for older messages it shows the same page, which ends the paging.
            "/s/mfa_example" => SendFixtureAsync(context, "Telegram/channel-page.html", "text/html; charset=utf-8"),
            _ => SendAsync(context, """{"error":"not found"}""", "application/json", StatusCodes.Status404NotFound),
        };
    }

    private static IEnumerable<JsonNode> BlueskyFeed() =>
        JsonNode.Parse(Fixtures.ReadText("Bluesky/feed-kinds.json"))!["feed"]!.AsArray().Select(i => i!);

    private static IEnumerable<JsonNode> XTimeline() => new[] { "X/timeline-page1.json", "X/timeline-page2.json" }
        .SelectMany(f => JsonNode.Parse(Fixtures.ReadText(f))!["data"]!.AsArray().Select(t => t!));

    private static Task SendItemAsync(HttpContext context, JsonNode? item) => item is null
        ? SendAsync(context, """{"error":"Record not found"}""", "application/json", StatusCodes.Status404NotFound)
        : SendAsync(context, item.ToJsonString(), "application/json");

    private static Task SendFixtureAsync(HttpContext context, string fixture, string contentType = "application/json") =>
        SendAsync(context, Fixtures.ReadText(fixture), contentType);

    private static async Task SendAsync(HttpContext context, string body, string contentType, int status = StatusCodes.Status200OK)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        await context.Response.WriteAsync(body);
    }
}
