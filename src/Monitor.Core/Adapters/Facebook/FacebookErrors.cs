using System.Text.Json;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters.Facebook;

/// <summary>
/// Maps a Graph API error to a poll result. The Graph API signals throttling in the JSON <c>error.code</c>, usually with
/// HTTP 400 or 403 rather than 429, so the code decides, not the status
/// (developers.facebook.com/docs/graph-api/guides/error-handling, .../overview/rate-limiting).
/// </summary>
internal static class FacebookErrors
{
    /// <summary>Reads the <c>error</c> object of a body, or null when the body is not a Graph error envelope.</summary>
    public static GraphError? TryRead(byte[] body)
    {
        if (body.Length == 0 || body[0] != (byte)'{')
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, FacebookJsonContext.Default.GraphErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static FetchResult ToResult(HttpResponseMessage response, GraphError? error, DateTimeOffset now, FacebookOptions options)
    {
        if (error is null)
        {
            return HttpFailures.ToResult(response, now);
        }

        var status = (int)response.StatusCode;
        var reason = Describe(error);
        switch (error.Code)
        {
            case 4 or 17 or 32 or 341 or 613 or (>= 80000 and <= 80014):
                var until = FacebookUsageHeaders.ReadRegainAt(response.Headers, now)
                    ?? RetryAfterHeader.ReadRetryAfter(response.Headers, now)
                    ?? now + options.RateLimitFallback;
                // 4 is the app's limit and 17 the token user's: every account shares that one token, so all wait.
                return FetchResult.Failed(PollStatus.RateLimited, reason, status, until) with { PlatformWide = error.Code is 4 or 17 };
            case 190 or 102:
                return FetchResult.Failed(PollStatus.Unauthorized, reason + " (the access token is invalid or expired)", status);
            case 10 or (>= 200 and <= 299):
                return FetchResult.Failed(PollStatus.Unauthorized, reason + " (the token lacks a permission for this page)", status);
            case 803:
                return FetchResult.Failed(PollStatus.NotFound, reason, status);
            case 100 when error.ErrorSubcode == 33
                || (error.Message?.Contains("does not exist", StringComparison.OrdinalIgnoreCase) ?? false):
                return FetchResult.Failed(PollStatus.NotFound, reason, status);
            default:
                return HttpFailures.ToResult(response, now) with { Error = reason };
        }
    }

    private static string Describe(GraphError error)
    {
        var code = error.ErrorSubcode is { } sub ? $"{error.Code}/{sub}" : $"{error.Code}";
        return $"Graph API error {code}: {error.Message ?? error.Type ?? "no message"}";
    }
}
