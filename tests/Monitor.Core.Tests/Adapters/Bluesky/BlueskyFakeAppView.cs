using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Bluesky;

/// <summary>
/// A Bluesky AppView in miniature for the loopback server: getProfile, getAuthorFeed (newest first, limit ≤ 100,
/// opaque cursor), getPosts and getPostThread (depth 0) over one author's feed, with XRPC error bodies for unknown actors
/// and posts (a post in <see cref="Tombstoned"/> is answered with <c>#notFoundPost</c>, any other unknown one with the
/// <c>NotFound</c> error).
/// </summary>
internal sealed class BlueskyFakeAppView
{
    public const string Did = "did:plc:fcdo4kq2yq7m3hnxwzj5tb6a";
    public const string Handle = "fcdo.bsky.social";

    /// <summary>The author feed, newest first.</summary>
    public List<JsonNode> Feed { get; } = [];

    /// <summary>Posts getPostThread answers with a <c>#notFoundPost</c> thread.</summary>
    public HashSet<string> Tombstoned { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers a request instead of the AppView when it returns true (errors, rate limits).</summary>
    public Func<HttpContext, Task<bool>>? Intercept { get; set; }

    public void AddFixture(string name) =>
        Feed.AddRange(JsonNode.Parse(Fixtures.ReadText("Bluesky/" + name))!["feed"]!.AsArray().Select(i => i!.DeepClone()));

    public static string PostUri(int n) => $"at://{Did}/app.bsky.feed.post/3lbxq{n:D8}";

    /// <summary>Adds <paramref name="count"/> posts, numbered from 0, one per hour from <paramref name="firstAt"/>, newest first.</summary>
    public void AddGenerated(int count, DateTimeOffset firstAt)
    {
        for (var n = count - 1; n >= 0; n--)
        {
            var at = firstAt.AddHours(n).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            Feed.Add(new JsonObject
            {
                ["post"] = new JsonObject
                {
                    ["uri"] = PostUri(n),
                    ["cid"] = $"bafyrei{n:D8}",
                    ["author"] = new JsonObject { ["did"] = Did, ["handle"] = Handle, ["displayName"] = "FCDO" },
                    ["record"] = new JsonObject
                    {
                        ["$type"] = "app.bsky.feed.post", ["createdAt"] = at, ["langs"] = new JsonArray("en"), ["text"] = $"Post {n}",
                    },
                    ["replyCount"] = 0, ["repostCount"] = 1, ["likeCount"] = 2, ["quoteCount"] = 0,
                    ["indexedAt"] = at,
                },
            });
        }
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (Intercept is not null && await Intercept(context))
        {
            return;
        }

        var query = context.Request.Query;
        switch (context.Request.Path.Value)
        {
            case "/xrpc/app.bsky.actor.getProfile" when query["actor"] == Handle || query["actor"] == Did:
                await WriteAsync(context, 200, Fixtures.ReadText("Bluesky/profile.json"));
                break;
            case "/xrpc/app.bsky.feed.getAuthorFeed" when query["actor"] == Did:
                var start = int.Parse(query["cursor"].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
                var limit = Math.Min(int.Parse(query["limit"]!, CultureInfo.InvariantCulture), 100);
                var page = new JsonObject { ["feed"] = new JsonArray(Feed.Skip(start).Take(limit).Select(i => i.DeepClone()).ToArray()) };
                if (start + limit < Feed.Count)
                {
                    page["cursor"] = (start + limit).ToString(CultureInfo.InvariantCulture);
                }

                await WriteAsync(context, 200, page.ToJsonString());
                break;
            case "/xrpc/app.bsky.feed.getPosts":
                var uris = query["uris"].ToHashSet();
                var posts = Feed.Where(i => i["reason"] is null && uris.Contains(i["post"]!["uri"]!.GetValue<string>()))
                    .Select(i => i["post"]!.DeepClone()).ToArray();
                await WriteAsync(context, 200, new JsonObject { ["posts"] = new JsonArray(posts) }.ToJsonString());
                break;
            case "/xrpc/app.bsky.feed.getPostThread":
                var uri = query["uri"].ToString();
                var item = Feed.FirstOrDefault(i => i["reason"] is null && i["post"]!["uri"]!.GetValue<string>() == uri);
                if (item is not null)
                {
                    var view = new JsonObject { ["$type"] = "app.bsky.feed.defs#threadViewPost", ["post"] = item["post"]!.DeepClone() };
                    await WriteAsync(context, 200, new JsonObject { ["thread"] = view }.ToJsonString());
                }
                else if (Tombstoned.Contains(uri))
                {
                    var tombstone = new JsonObject { ["$type"] = "app.bsky.feed.defs#notFoundPost", ["uri"] = uri, ["notFound"] = true };
                    await WriteAsync(context, 200, new JsonObject { ["thread"] = tombstone }.ToJsonString());
                }
                else
                {
                    await WriteAsync(context, 400, $$"""{"error":"NotFound","message":"Post not found: {{uri}}"}""");
                }

                break;
            default:
                await WriteAsync(context, 400, """{"error":"InvalidRequest","message":"Profile not found"}""");
                break;
        }
    }

    public static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body);
    }
}
