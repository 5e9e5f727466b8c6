using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Monitor.Core.Accounts;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// The X API v2 endpoints the X adapter reads, answering with the recorded JSON shape (Fixtures/X) from the history as
/// of <paramref name="now"/>: user lookup (by username or id) with public metrics, the user timeline (newest first, pages
/// of <c>max_results</c>, <c>since_id</c>, <c>until_id</c> and <c>start_time</c> filters, <c>next_token</c> while older
/// posts remain, the author with its metrics in <c>includes.users</c> when a page has posts) and the post lookup by ids.
/// https://docs.x.com/x-api/posts/user-posts-timeline-by-user-id
/// </summary>
internal sealed class GroundTruthXApi(GroundTruthHistory history, DateTimeOffset now)
{
    public const string BearerToken = "ground-truth-bearer-token";
    private const string Json = "application/json; charset=utf-8";

    public Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString() != "Bearer " + BearerToken)
        {
            return GroundTruthServer.RespondAsync(context, StatusCodes.Status401Unauthorized, "application/problem+json",
                json => Problem(json, "Unauthorized", "Unauthorized", "about:blank", null));
        }

        var segments = (request.Path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["2", "users", "by", "username", var username] => GroundTruthServer.RespondAsync(context, 200, Json,
                json => User(json, GroundTruthHistory.Accounts.Single(a => a.Platform == Platforms.X && a.Handle == username))),
            ["2", "users", var userId] => GroundTruthServer.RespondAsync(context, 200, Json,
                json => User(json, GroundTruthHistory.Accounts.Single(a => a.Platform == Platforms.X && UserId(a) == userId))),
            ["2", "users", var userId, "tweets"] => Timeline(context, userId),
            ["2", "tweets"] => GroundTruthServer.RespondAsync(context, 200, Json, json => Lookup(json, request.Query["ids"].ToString().Split(','))),
            _ => GroundTruthServer.RespondAsync(context, 404, "application/problem+json", json => Problem(json, "Not Found Error", "No such route.", "about:blank", null)),
        };
    }

    private static string UserId(TrackedAccount account) => (1_000_000 + GroundTruthHistory.Accounts.ToList().IndexOf(account)).ToString(CultureInfo.InvariantCulture);

    private static int CompareIds(string left, string right) =>
        long.Parse(left, CultureInfo.InvariantCulture).CompareTo(long.Parse(right, CultureInfo.InvariantCulture));

    private void User(Utf8JsonWriter json, TrackedAccount account)
    {
        var username = account.Handle;
        json.WriteStartObject();
        if (account == GroundTruthHistory.Suspended)
        {
            // A suspended account is a 200 whose errors[] replaces the data (Fixtures/X/user-suspended.json).
            json.WriteStartArray("errors");
            Problem(json, "Forbidden", $"User has been suspended: [{username}].", "https://api.twitter.com/2/problems/resource-not-found", username);
            json.WriteEndArray();
            json.WriteEndObject();
            return;
        }

        json.WritePropertyName("data");
        WriteUser(json, account);
        json.WriteEndObject();
    }

    private void WriteUser(Utf8JsonWriter json, TrackedAccount account)
    {
        json.WriteStartObject();
        json.WriteString("id", UserId(account));
        json.WriteString("username", account.Handle);
        json.WriteStartObject("public_metrics");
        json.WriteNumber("followers_count", GroundTruthHistory.Followers(now));
        json.WriteNumber("following_count", 321);
        json.WriteNumber("tweet_count", history.PostsTotal(account.Id, now));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private Task Timeline(HttpContext context, string userId)
    {
        var query = context.Request.Query;
        var account = GroundTruthHistory.Accounts.Single(a => a.Platform == Platforms.X && UserId(a) == userId);
        var maxResults = int.Parse(query["max_results"].ToString(), CultureInfo.InvariantCulture);
        if (maxResults is < 5 or > 100)
        {
            return GroundTruthServer.RespondAsync(context, 400, "application/problem+json",
                json => Problem(json, "Invalid Request", "max_results must be between 5 and 100.", "about:blank", null));
        }

        string? sinceId = query["since_id"], untilId = query["until_id"], token = query["pagination_token"], startTime = query["start_time"];
        var matching = history.PublishedBy(account.Id, now)
            .Where(p => sinceId is null || CompareIds(p.PostId, sinceId) > 0)
            .Where(p => untilId is null || CompareIds(p.PostId, untilId) < 0)
            .Where(p => startTime is null || p.PublishedAt >= DateTimeOffset.Parse(startTime, CultureInfo.InvariantCulture))
            .Where(p => token is null || CompareIds(p.PostId, token) < 0)
            .OrderByDescending(p => p.PublishedAt)
            .ToList();
        var page = matching.Take(maxResults).ToList();
        return GroundTruthServer.RespondAsync(context, 200, Json, json =>
        {
            json.WriteStartObject();
            if (page.Count > 0)
            {
                json.WriteStartArray("data");
                page.ForEach(post => WritePost(json, post));
                json.WriteEndArray();
                if (context.Request.Query["expansions"].ToString().Contains("author_id", StringComparison.Ordinal))
                {
                    json.WriteStartObject("includes");
                    json.WriteStartArray("users");
                    WriteUser(json, account);
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
            }

            json.WriteStartObject("meta");
            json.WriteNumber("result_count", page.Count);
            if (page.Count > 0)
            {
                json.WriteString("newest_id", page[0].PostId);
                json.WriteString("oldest_id", page[^1].PostId);
            }

            if (matching.Count > page.Count)
            {
                // Opaque to the client; here simply the oldest id served so far.
                json.WriteString("next_token", page[^1].PostId);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        });
    }

    private void Lookup(Utf8JsonWriter json, string[] ids)
    {
        var found = history.Truth.Where(p => p.PublishedAt <= now && ids.Contains(p.PostId)).ToList();
        json.WriteStartObject();
        json.WriteStartArray("data");
        found.ForEach(post => WritePost(json, post));
        json.WriteEndArray();
        var missing = ids.Where(id => found.All(p => p.PostId != id)).ToList();
        if (missing.Count > 0)
        {
            json.WriteStartArray("errors");
            missing.ForEach(id => Problem(json, "Not Found Error", $"Could not find tweet with ids: [{id}].",
                "https://api.twitter.com/2/problems/resource-not-found", id));
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void WritePost(Utf8JsonWriter json, TruePost post)
    {
        json.WriteStartObject();
        json.WriteString("id", post.PostId);
        json.WriteString("text", $"Statement {post.PostId}");
        json.WriteString("created_at", post.PublishedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        json.WriteString("lang", "en");
        json.WriteStartArray("edit_history_tweet_ids");
        json.WriteStringValue(post.PostId);
        json.WriteEndArray();
        if (post.Kind != PostKind.Post)
        {
            json.WriteStartArray("referenced_tweets");
            json.WriteStartObject();
            json.WriteString("type", post.Kind switch { PostKind.Reply => "replied_to", PostKind.Repost => "retweeted", _ => "quoted" });
            json.WriteString("id", "1000000000000000000");
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    private static void Problem(Utf8JsonWriter json, string title, string detail, string type, string? resourceId)
    {
        json.WriteStartObject();
        json.WriteString("title", title);
        json.WriteString("detail", detail);
        json.WriteString("type", type);
        if (resourceId is not null)
        {
            json.WriteString("value", resourceId);
            json.WriteString("resource_id", resourceId);
        }

        json.WriteEndObject();
    }
}
