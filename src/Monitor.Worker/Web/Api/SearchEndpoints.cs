using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitor.Core.Accounts;
using Monitor.Core.Posts;
using Monitor.Core.Search;

namespace Monitor.Worker.Web.Api;

/// <summary>
/// <c>GET /api/search?q=…</c> with the CLI's filters (<c>account, platform, country, actor, language, kind, from, to,
/// limit</c>): <c>{ "query", "hits": [post export fields + snippet + highlights] }</c>, newest first; a malformed
/// query or filter is a 400 with one error line.
/// </summary>
internal static class SearchEndpoints
{
    private const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/search", SearchAsync);
        return api;
    }

    private static async Task<IResult> SearchAsync(HttpContext http, IPostSearch search, CancellationToken ct)
    {
        if (!TryParse(http.Request.Query, out var request, out var error))
        {
            return ApiResults.BadRequest(error!);
        }

        var hits = await search.SearchAsync(request!, ct);
        var body = new JsonObject
        {
            ["query"] = request!.Query.Text,
            ["hits"] = new JsonArray(hits.Select(h => (JsonNode)SearchHitWriter.ToJson(h)).ToArray()),
        };
        return Results.Text(body.ToJsonString(), "application/json; charset=utf-8");
    }

    internal static bool TryParse(IQueryCollection query, out SearchRequest? request, out string? error)
    {
        request = null;
        SearchQuery parsed;
        try
        {
            parsed = SearchQuery.Parse(query["q"].FirstOrDefault() ?? string.Empty);
        }
        catch (SearchQueryException ex)
        {
            error = $"q: {ex.Message}";
            return false;
        }

        if (!ReportQuery.TryParseLimit(query, SearchRequest.DefaultLimit, MaxLimit, out var limit, out error)
            || !TryParseTime(query, "from", endOfDay: false, out var from, out error)
            || !TryParseTime(query, "to", endOfDay: true, out var to, out error))
        {
            return false;
        }

        ActorType? actor = null;
        if (query["actor"].FirstOrDefault() is { Length: > 0 } actorText)
        {
            if (!Enum.TryParse<ActorType>(actorText, ignoreCase: true, out var parsedActor) || !Enum.IsDefined(parsedActor))
            {
                error = $"actor must be one of {string.Join(", ", Enum.GetNames<ActorType>())} (got '{actorText}').";
                return false;
            }

            actor = parsedActor;
        }

        PostKind? kind = null;
        if (query["kind"].FirstOrDefault() is { Length: > 0 } kindText)
        {
            if (kindText is not ("post" or "reply" or "repost" or "quote"))
            {
                error = $"kind must be post, reply, repost or quote (got '{kindText}').";
                return false;
            }

            kind = PostKindNames.Parse(kindText);
        }

        if (from is not null && to is not null && from >= to)
        {
            error = "from must be before to.";
            return false;
        }

        request = new SearchRequest(parsed, limit)
        {
            AccountId = Text(query, "account"),
            Platform = Text(query, "platform"),
            Country = Text(query, "country")?.ToUpperInvariant(),
            Actor = actor,
            Language = Text(query, "language"),
            Kind = kind,
            From = from,
            To = to,
        };
        return true;
    }

    private static string? Text(IQueryCollection query, string name) => query[name].FirstOrDefault() is { Length: > 0 } value ? value : null;

    /// <summary>A UTC date (as <c>to</c>, the whole day is included) or an ISO 8601 time.</summary>
    private static bool TryParseTime(IQueryCollection query, string name, bool endOfDay, out DateTimeOffset? value, out string? error)
    {
        value = null;
        error = null;
        if (Text(query, name) is not { } text)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(endOfDay ? 1 : 0);
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            value = time.ToUniversalTime();
            return true;
        }

        error = $"{name} must be a date (2026-11-01) or an ISO 8601 time (got '{text}').";
        return false;
    }
}
