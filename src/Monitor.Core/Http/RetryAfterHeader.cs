using System.Globalization;
using System.Net.Http.Headers;

namespace Monitor.Core.Http;

/// <summary>Reads the moments a server asks clients to wait until (Retry-After and rate-limit reset headers).</summary>
public static class RetryAfterHeader
{
    /// <summary>
    /// The time until which <c>Retry-After</c> (RFC 9110 §10.2.3: delay-seconds or HTTP-date) asks to wait,
    /// or null when the header is absent or unreadable.
    /// </summary>
    public static DateTimeOffset? ReadRetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return now + (delta < TimeSpan.Zero ? TimeSpan.Zero : delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return date < now ? now : date;
        }

        return null;
    }

    /// <summary>Reads a header holding Unix epoch seconds (X's <c>x-rate-limit-reset</c>, Bluesky's <c>RateLimit-Reset</c>).</summary>
    public static DateTimeOffset? ReadEpochSeconds(HttpResponseHeaders headers, string name)
    {
        if (headers.TryGetValues(name, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            && seconds is > 0 and < 253402300799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return null;
    }

    /// <summary>Reads a header holding an ISO 8601 timestamp (Mastodon's <c>X-RateLimit-Reset</c>).</summary>
    public static DateTimeOffset? ReadIsoTimestamp(HttpResponseHeaders headers, string name)
    {
        if (headers.TryGetValues(name, out var values)
            && DateTimeOffset.TryParse(values.FirstOrDefault(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
        {
            return value;
        }

        return null;
    }

    /// <summary><c>Cache-Control: max-age</c> of the response, if any.</summary>
    public static TimeSpan? ReadMaxAge(HttpResponseMessage response) =>
        response.Headers.CacheControl?.MaxAge ?? response.Headers.CacheControl?.SharedMaxAge;
}
