using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters.Mastodon;

/// <summary>GET requests to one Mastodon instance: bearer token, rate-limit headers, size-capped JSON bodies.</summary>
internal sealed class MastodonApi(HttpClient client, MastodonOptions options, Uri origin, TimeProvider time)
{
    /// <summary>Fetches <paramref name="pathAndQuery"/> (relative to the instance origin) and parses it as <typeparamref name="T"/>.</summary>
    public async Task<MastodonResponse<T>> GetAsync<T>(string pathAndQuery, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var url = new Uri(origin, pathAndQuery);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("application/json");
        if (!string.IsNullOrWhiteSpace(options.AccessToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.AccessToken);
        }

        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var limit = ReadRateLimit(response.Headers);
        if (!response.IsSuccessStatusCode)
        {
            return new MastodonResponse<T>(null, ToFailure(response, limit), limit, default);
        }

        var body = await ResponseReader.ReadBytesAsync(response, options.MaxResponseBytes, cancellationToken);
        return new MastodonResponse<T>(Parse(body, type, url), null, limit, MastodonLinkHeader.Read(response.Headers));
    }

    // Docs (api/rate-limits): X-RateLimit-Remaining counts down to 0, X-RateLimit-Reset is an ISO 8601 timestamp.
    private static MastodonRateLimit ReadRateLimit(HttpResponseHeaders headers)
    {
        var reset = RetryAfterHeader.ReadIsoTimestamp(headers, "X-RateLimit-Reset");
        var exhausted = headers.TryGetValues("X-RateLimit-Remaining", out var values)
            && long.TryParse(values.FirstOrDefault(), out var remaining) && remaining <= 0;
        return new MastodonRateLimit(exhausted, reset);
    }

    private FetchResult ToFailure(HttpResponseMessage response, MastodonRateLimit limit)
    {
        var result = HttpFailures.ToResult(response, time.GetUtcNow());
        // A 429 from Mastodon carries no Retry-After; the reset header says when the window reopens.
        return result.Status == PollStatus.RateLimited && result.RetryAfter is null ? result with { RetryAfter = limit.Reset } : result;
    }

    private static T Parse<T>(byte[] body, JsonTypeInfo<T> type, Uri url)
        where T : class =>
        JsonPayload.Parse(body, type, "Mastodon " + url.AbsolutePath);
}

/// <summary>A parsed response, or the failure it maps to, with the rate-limit state and pagination ids.</summary>
internal sealed record MastodonResponse<T>(T? Value, FetchResult? Failure, MastodonRateLimit Limit, (string? NextMaxId, string? PrevMinId) Links)
    where T : class;

/// <summary>Whether the instance's request window is used up, and when it reopens.</summary>
internal sealed record MastodonRateLimit(bool Exhausted, DateTimeOffset? Reset);
