using System.Net;
using Monitor.Core.Adapters;

namespace Monitor.Core.Http;

/// <summary>The usual mapping of a failed HTTP response to a poll result; adapters refine it where the platform says more.</summary>
public static class HttpFailures
{
    /// <summary>401/403 → unauthorized, 404/410 → notFound, 429 → rateLimited (until Retry-After), anything else → error.</summary>
    public static FetchResult ToResult(HttpResponseMessage response, DateTimeOffset now)
    {
        var code = (int)response.StatusCode;
        var reason = $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => FetchResult.Failed(PollStatus.Unauthorized, reason, code),
            HttpStatusCode.NotFound or HttpStatusCode.Gone => FetchResult.Failed(PollStatus.NotFound, reason, code),
            HttpStatusCode.TooManyRequests => FetchResult.Failed(PollStatus.RateLimited, reason, code,
                RetryAfterHeader.ReadRetryAfter(response.Headers, now)),
            _ => FetchResult.Failed(PollStatus.Error, reason, code,
                response.StatusCode == HttpStatusCode.ServiceUnavailable ? RetryAfterHeader.ReadRetryAfter(response.Headers, now) : null),
        };
    }
}
