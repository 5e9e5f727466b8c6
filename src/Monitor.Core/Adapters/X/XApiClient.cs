using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters.X;

/// <summary>The X API v2 endpoints the adapter reads (user lookup, user timeline, post lookup), over the platform's named HttpClient.</summary>
internal sealed class XApiClient(HttpClient client, XOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>Largest page of the user timeline and of a post lookup.</summary>
    public const int PageSize = 100;

    private const string PostFields = "created_at,public_metrics,referenced_tweets,edit_history_tweet_ids,lang,conversation_id,in_reply_to_user_id,attachments,entities";

    // The timeline's author expansion returns the account's public metrics with every non-empty page, so a poll that
    // finds posts needs no user lookup (docs.x.com/x-api/fundamentals/data-dictionary/reference: fields and expansions).
    private const string AuthorExpansion = "expansions=author_id,attachments.media_keys&user.fields=public_metrics,username,created_at&" + MediaFields;

    // A post's attachments.media_keys point into includes.media; url is a photo's file, variants a video's or GIF's
    // encodings, preview_image_url their still (docs.x.com/x-api/fundamentals/data-dictionary: media object).
    private const string MediaFields = "media.fields=url,preview_image_url,variants";

    private readonly Uri baseUri = new((options.BaseUrl ?? XOptions.DefaultBaseUrl).TrimEnd('/') + "/");

    /// <summary><c>GET /2/users/by/username/:username</c>: the account's id and public metrics.</summary>
    public async Task<XResponse<XUser>> GetUserAsync(string username, CancellationToken cancellationToken)
    {
        var response = await GetAsync($"2/users/by/username/{Uri.EscapeDataString(username)}?user.fields=public_metrics,created_at",
            XJsonContext.Default.XUserResponse, cancellationToken);
        if (response.Failure is not null) return XResponse<XUser>.Fail(response.Failure);
        var body = response.Value!;
        if (body.Data is { } user) return XResponse<XUser>.Of(user);
        return body.Errors is [var problem, ..]
            ? XResponse<XUser>.Fail(XFailures.FromProblem(problem, username))
            : throw new PayloadFormatException("X user lookup returned neither data nor errors.");
    }

    /// <summary><c>GET /2/users/:id</c>: the account's current username and public metrics, by its stable id.</summary>
    public async Task<XResponse<XUser>> GetUserByIdAsync(string userId, CancellationToken cancellationToken)
    {
        var response = await GetAsync($"2/users/{Uri.EscapeDataString(userId)}?user.fields=public_metrics,created_at",
            XJsonContext.Default.XUserResponse, cancellationToken);
        if (response.Failure is not null) return XResponse<XUser>.Fail(response.Failure);
        var body = response.Value!;
        if (body.Data is { } user) return XResponse<XUser>.Of(user);
        return body.Errors is [var problem, ..]
            ? XResponse<XUser>.Fail(XFailures.FromProblem(problem, "id:" + userId))
            : throw new PayloadFormatException("X user lookup returned neither data nor errors.");
    }

    /// <summary>
    /// One page of <c>GET /2/users/:id/tweets</c>, newest first, with ids in (<paramref name="sinceId"/>,
    /// <paramref name="untilId"/>) (both exclusive, both optional); <c>next_token</c> pages older posts. X serves at most
    /// the latest 3,200 posts this way.
    /// </summary>
    public Task<XResponse<XPostsResponse>> GetTimelinePageAsync(
        string userId, string? sinceId, string? untilId, DateTimeOffset? startTime, string? paginationToken, CancellationToken cancellationToken)
    {
        var query = $"2/users/{Uri.EscapeDataString(userId)}/tweets?max_results={PageSize}&tweet.fields={PostFields}&{AuthorExpansion}";
        if (sinceId is not null) query += "&since_id=" + Uri.EscapeDataString(sinceId);
        if (untilId is not null) query += "&until_id=" + Uri.EscapeDataString(untilId);
        if (startTime is { } start) query += "&start_time=" + start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (paginationToken is not null) query += "&pagination_token=" + Uri.EscapeDataString(paginationToken);
        if (options.Exclude is { } exclude) query += "&exclude=" + exclude;
        return GetAsync(query, XJsonContext.Default.XPostsResponse, cancellationToken);
    }

    /// <summary>
    /// <c>GET /2/tweets?ids=</c> (up to 100) with the timeline's fields: posts that no longer exist come back as
    /// "Not Found Error" (resource-not-found) problems, hidden ones (protected, suspended author) as "Authorization Error".
    /// </summary>
    public Task<XResponse<XPostsResponse>> LookupPostsAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
        GetAsync($"2/tweets?ids={string.Join(',', ids.Select(Uri.EscapeDataString))}&tweet.fields={PostFields}&expansions=attachments.media_keys&{MediaFields}",
            XJsonContext.Default.XPostsResponse, cancellationToken);

    private async Task<XResponse<T>> GetAsync<T>(string relativeUrl, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, relativeUrl));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.BearerToken);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Log.XRequested(logger, request.RequestUri!.AbsolutePath, (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            return XResponse<T>.Fail(await XFailures.FromResponseAsync(response, options.MaxResponseBytes, time.GetUtcNow(), cancellationToken));
        }

        var body = await ResponseReader.ReadBytesAsync(response, options.MaxResponseBytes, cancellationToken);
        return XResponse<T>.Of(JsonPayload.Parse(body, type, "X " + request.RequestUri!.AbsolutePath));
    }
}
