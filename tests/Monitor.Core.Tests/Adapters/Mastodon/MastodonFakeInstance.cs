using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Monitor.Testing;

namespace Monitor.Core.Tests.Adapters.Mastodon;

/// <summary>
/// A Mastodon instance in miniature for the loopback server: account lookup, the account's statuses with
/// Mastodon's paging semantics (limit ≤ 40; <c>max_id</c> older, <c>min_id</c> the page immediately newer, each page
/// newest first; Link header <c>next</c>/<c>prev</c>) and single-status reads.
/// </summary>
internal sealed class MastodonFakeInstance
{
    public const string AccountId = "109302436954721982";
    public const string Username = "France_Diplo";
    private readonly SortedDictionary<long, JsonNode> statuses = [];

    /// <summary>Answers a request instead of the instance when it returns true (errors, rate limits).</summary>
    public Func<HttpContext, Task<bool>>? Intercept { get; set; }

    public void Add(JsonNode status) => statuses[long.Parse(status["id"]!.GetValue<string>(), CultureInfo.InvariantCulture)] = status;

    public void AddFixture(string name)
    {
        foreach (var status in JsonNode.Parse(Fixtures.ReadText("Mastodon/" + name))!.AsArray())
        {
            Add(status!.DeepClone());
        }
    }

    public JsonNode Status(long id) => statuses[id];

    public void Remove(long id) => statuses.Remove(id);

    /// <summary>Adds <paramref name="count"/> plain statuses, ids from <paramref name="firstId"/>, one per hour from <paramref name="firstAt"/>.</summary>
    public void AddGenerated(int count, long firstId, DateTimeOffset firstAt)
    {
        for (var i = 0; i < count; i++)
        {
            Add(MakeStatus(firstId + i, firstAt.AddHours(i)));
        }
    }

    public static JsonObject MakeStatus(long id, DateTimeOffset createdAt) => new()
    {
        ["id"] = id.ToString(CultureInfo.InvariantCulture),
        ["created_at"] = createdAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["in_reply_to_id"] = null,
        ["visibility"] = "public",
        ["language"] = "fr",
        ["uri"] = $"https://social.example/users/{Username}/statuses/{id}",
        ["url"] = $"https://social.example/@{Username}/{id}",
        ["replies_count"] = 0,
        ["reblogs_count"] = 1,
        ["favourites_count"] = 2,
        ["edited_at"] = null,
        ["content"] = $"<p>Status {id}</p>",
        ["reblog"] = null,
        ["account"] = new JsonObject { ["id"] = AccountId, ["username"] = Username, ["acct"] = Username },
    };

    public async Task HandleAsync(HttpContext context)
    {
        if (Intercept is not null && await Intercept(context))
        {
            return;
        }

        var path = context.Request.Path.Value!;
        if (path == "/api/v1/accounts/lookup")
        {
            var found = string.Equals(context.Request.Query["acct"], Username, StringComparison.OrdinalIgnoreCase);
            await WriteAsync(context, found ? 200 : 404, found ? Fixtures.ReadText("Mastodon/account.json") : """{"error":"Record not found"}""");
        }
        else if (path == $"/api/v1/accounts/{AccountId}/statuses")
        {
            await WritePageAsync(context);
        }
        else if (path.StartsWith("/api/v1/statuses/", StringComparison.Ordinal)
            && long.TryParse(path["/api/v1/statuses/".Length..], CultureInfo.InvariantCulture, out var id) && statuses.TryGetValue(id, out var status))
        {
            await WriteAsync(context, 200, status.ToJsonString());
        }
        else
        {
            await WriteAsync(context, 404, """{"error":"Record not found"}""");
        }
    }

    private async Task WritePageAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var limit = Math.Min(int.Parse(query["limit"].FirstOrDefault() ?? "20", CultureInfo.InvariantCulture), 40);
        IEnumerable<long> ids = statuses.Keys;
        if (long.TryParse(query["min_id"], CultureInfo.InvariantCulture, out var minId))
        {
            // The page immediately newer than min_id, served newest first.
            ids = ids.Where(i => i > minId).Take(limit).Reverse();
        }
        else
        {
            var maxId = long.TryParse(query["max_id"], CultureInfo.InvariantCulture, out var max) ? max : long.MaxValue;
            ids = ids.Where(i => i < maxId).Reverse().Take(limit);
        }

        var page = ids.ToList();
        if (page.Count > 0)
        {
            var self = $"http://{context.Request.Host}{context.Request.Path}";
            context.Response.Headers["Link"] =
                $"<{self}?limit={limit}&max_id={page[^1]}>; rel=\"next\", <{self}?limit={limit}&min_id={page[0]}>; rel=\"prev\"";
        }

        await WriteAsync(context, 200, new JsonArray(page.Select(i => statuses[i].DeepClone()).ToArray()).ToJsonString());
    }

    public static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body);
    }
}
