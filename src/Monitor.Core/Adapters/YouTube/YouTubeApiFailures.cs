using System.Net;
using System.Text.Json;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters.YouTube;

/// <summary>
/// Maps Data API errors by <c>error.errors[0].reason</c> (https://developers.google.com/youtube/v3/docs/errors):
/// the quota is per Google Cloud project, so running out stops every YouTube account until it resets; other
/// 400/401/403 reasons (keyInvalid, forbidden, accessNotConfigured) mean the key does not work.
/// </summary>
internal static class YouTubeApiFailures
{
    private static readonly TimeSpan RateLimitPause = TimeSpan.FromMinutes(5);

    public static async Task<FetchResult> FromResponseAsync(HttpResponseMessage response, long maxBytes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        var reason = await TryReadReasonAsync(response, maxBytes, cancellationToken);
        switch (reason)
        {
            case "quotaExceeded" or "dailyLimitExceeded":
                var reset = YouTubeQuota.NextReset(now);
                return new FetchResult
                {
                    Status = PollStatus.RateLimited, HttpStatus = code, PlatformWide = true, RetryAfter = reset,
                    Error = $"YouTube Data API quota exhausted ({reason}); YouTube polling paused until {reset:u}.",
                };
            case "rateLimitExceeded" or "userRateLimitExceeded":
                var until = RetryAfterHeader.ReadRetryAfter(response.Headers, now) ?? now + RateLimitPause;
                return new FetchResult
                {
                    Status = PollStatus.RateLimited, HttpStatus = code, PlatformWide = true, RetryAfter = until,
                    Error = $"YouTube Data API rate limit ({reason}).",
                };
        }

        if (code is 401 or 403 || (code == 400 && reason is "keyInvalid" or "keyExpired"))
        {
            return FetchResult.Failed(PollStatus.Unauthorized, $"YouTube Data API refused the API key (HTTP {code} {reason}).", code);
        }

        var generic = HttpFailures.ToResult(response, now);
        return reason is null ? generic : generic with { Error = $"{generic.Error}: {reason}" };
    }

    private static async Task<string?> TryReadReasonAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        if (response.StatusCode is not (HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests))
        {
            return null;
        }

        try
        {
            var body = await ResponseReader.ReadBytesAsync(response, Math.Min(maxBytes, 64 * 1024), cancellationToken);
            var error = JsonSerializer.Deserialize(body, YouTubeJsonContext.Default.YouTubeErrorResponse)?.Error;
            // An invalid key says so in details[] only; report it under the classic reason.
            if (error?.Details?.Any(d => d.Reason?.StartsWith("API_KEY_", StringComparison.Ordinal) == true) == true) return "keyInvalid";
            return error?.Errors is [{ Reason: { } reason }, ..] ? reason : null;
        }
        catch (Exception ex) when (ex is JsonException or PayloadFormatException)
        {
            return null; // The status code alone still says what happened.
        }
    }
}
