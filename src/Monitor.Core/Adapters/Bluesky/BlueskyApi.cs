using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>XRPC queries to the AppView: rate-limit headers, XRPC error bodies, size-capped JSON.</summary>
internal sealed class BlueskyApi(HttpClient client, BlueskyOptions options, TimeProvider time)
{
    private readonly Uri baseUrl =
        new((string.IsNullOrWhiteSpace(options.BaseUrl) ? BlueskyOptions.PublicAppView : options.BaseUrl).TrimEnd('/') + "/");

    /// <summary>Calls <c>/xrpc/<paramref name="method"/></c> with the query and parses the output as <typeparamref name="T"/>.</summary>
    public async Task<BlueskyResponse<T>> QueryAsync<T>(
        string method, IEnumerable<(string Name, string Value)> query, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var queryString = string.Join('&', query.Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value)}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, $"xrpc/{method}?{queryString}"));
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var limit = ReadRateLimit(response.Headers);
        var body = await ResponseReader.ReadBytesAsync(response, options.MaxResponseBytes, cancellationToken);
        return response.IsSuccessStatusCode
            ? new BlueskyResponse<T>(Parse(body, type, method), null, limit)
            : new BlueskyResponse<T>(null, ToFailure(response, body, limit), limit, TryParseError(body)?.Error);
    }

    // The AppView sends RateLimit-Limit/-Remaining/-Reset (reset in epoch seconds) and a 429 without Retry-After.
    private static BlueskyRateLimit ReadRateLimit(HttpResponseHeaders headers)
    {
        var exhausted = headers.TryGetValues("RateLimit-Remaining", out var values)
            && long.TryParse(values.FirstOrDefault(), out var remaining) && remaining <= 0;
        return new BlueskyRateLimit(exhausted, RetryAfterHeader.ReadEpochSeconds(headers, "RateLimit-Reset"));
    }

    private FetchResult ToFailure(HttpResponseMessage response, byte[] body, BlueskyRateLimit limit)
    {
        var code = (int)response.StatusCode;
        var error = TryParseError(body);
        var detail = error?.Error is null ? null : $"{error.Error}: {error.Message}";
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            // The public AppView limits per client IP, so the limit holds for every account of the platform.
            var until = RetryAfterHeader.ReadRetryAfter(response.Headers, time.GetUtcNow()) ?? limit.Reset;
            return FetchResult.Failed(PollStatus.RateLimited, detail ?? "HTTP 429 Too Many Requests", code, until) with { PlatformWide = true };
        }

        // getProfile/getAuthorFeed answer 400 with an XRPC error name for accounts that are gone.
        if (error?.Error == "AccountTakedown")
        {
            return FetchResult.Failed(PollStatus.Suspended, "Suspended: taken down by moderation (" + detail + ")", code);
        }

        if (error?.Error == "AccountDeactivated")
        {
            return FetchResult.Failed(PollStatus.Suspended, "Deactivated by its owner (" + detail + ")", code);
        }

        if (error is { Error: "InvalidRequest", Message: { } message } && message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            return FetchResult.Failed(PollStatus.NotFound, detail!, code);
        }

        var mapped = HttpFailures.ToResult(response, time.GetUtcNow());
        return detail is null ? mapped : mapped with { Error = $"{mapped.Error} ({detail})" };
    }

    private static BlueskyError? TryParseError(byte[] body)
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, BlueskyJsonContext.Default.BlueskyError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T Parse<T>(byte[] body, JsonTypeInfo<T> type, string method)
        where T : class =>
        JsonPayload.Parse(body, type, "Bluesky " + method);
}

/// <summary>A parsed output, or the failure it maps to (and the XRPC error name, if any), with the rate-limit state.</summary>
internal sealed record BlueskyResponse<T>(T? Value, FetchResult? Failure, BlueskyRateLimit Limit, string? XrpcError = null)
    where T : class;

/// <summary>Whether the AppView's request window is used up, and when it reopens.</summary>
internal sealed record BlueskyRateLimit(bool Exhausted, DateTimeOffset? Reset);
