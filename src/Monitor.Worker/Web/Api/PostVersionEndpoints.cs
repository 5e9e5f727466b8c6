using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitor.Core.Storage;

namespace Monitor.Worker.Web.Api;

/// <summary><c>/api/posts/{platform}/{accountId}/{postId}/versions</c>: every version of one post, version 1 first.</summary>
internal static class PostVersionEndpoints
{
    private const string Suffix = "/versions";

    public static RouteGroupBuilder MapPostVersions(this RouteGroupBuilder api)
    {
        // Post ids are often URLs: the catch-all takes the id whether its slashes arrive raw or encoded (%2F, which the
        // server leaves encoded in the path), and the route ends in /versions.
        api.MapGet("/posts/{platform}/{accountId}/{**rest}", GetVersionsAsync);
        return api;
    }

    private static async Task<IResult> GetVersionsAsync(string platform, string accountId, string rest, IRecentRecordReader recent, CancellationToken ct)
    {
        if (!rest.EndsWith(Suffix, StringComparison.Ordinal) || rest.Length == Suffix.Length)
        {
            return Results.Json(new ApiError("Expected /api/posts/{platform}/{accountId}/{postId}/versions."), WebJsonContext.Default.ApiError,
                statusCode: StatusCodes.Status404NotFound);
        }

        var postId = rest[..^Suffix.Length].Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var versions = await recent.ReadPostVersionsAsync(platform, accountId, postId, ct);
        return versions.Count == 0
            ? Results.Json(new ApiError($"No post '{postId}' of account '{accountId}' on '{platform}'."), WebJsonContext.Default.ApiError,
                statusCode: StatusCodes.Status404NotFound)
            : Results.Json(versions.Select(PostVersionSummary.From).ToArray(), WebJsonContext.Default.IReadOnlyListPostVersionSummary);
    }
}
