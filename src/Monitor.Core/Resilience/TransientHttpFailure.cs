using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Timeout;
using Monitor.Core.Http;

namespace Monitor.Core.Resilience;

/// <summary>Decides which HTTP outcomes are worth another attempt, and how long to wait for it.</summary>
internal static class TransientHttpFailure
{
    /// <summary>
    /// An outcome in one line for the logs: <c>HTTP 503</c>, or the exception's type and message
    /// (<c>HttpRequestException: Name or service not known (example.invalid:443)</c>), its inner cause appended when
    /// it adds something. Messages of HttpClient name the host, never the query string.
    /// </summary>
    public static string Describe(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => $"HTTP {(int)response.StatusCode}",
        { Exception: { } exception } => Describe(exception),
        _ => "unknown failure",
    };

    /// <inheritdoc cref="Describe(Outcome{HttpResponseMessage})"/>
    public static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return exception.InnerException is { } inner && !exception.Message.Contains(inner.Message, StringComparison.Ordinal)
            ? $"{text} ({inner.Message})"
            : text;
    }

    /// <summary>
    /// Retry on connection errors, attempt timeouts, 408, 5xx and 429, except when the server asks to wait longer
    /// than <paramref name="maxRetryAfter"/> (the poll then ends rate-limited and the account is deferred), and except
    /// a 429 without Retry-After, whose reset is in platform-specific headers the adapter reads.
    /// An open circuit is not retried: the host is known to be down.
    /// </summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, DateTimeOffset now, TimeSpan maxRetryAfter)
    {
        if (outcome.Exception is not null)
        {
            return IsConnectionFailure(outcome.Exception);
        }

        var response = outcome.Result!;
        var code = (int)response.StatusCode;
        var retryAfter = RetryAfterHeader.ReadRetryAfter(response.Headers, now);
        if (retryAfter is { } until && until - now > maxRetryAfter)
        {
            return false;
        }

        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => retryAfter is not null,
            HttpStatusCode.RequestTimeout => true,
            _ => code >= 500 && code != (int)HttpStatusCode.NotImplemented,
        };
    }

    /// <summary>Counts toward opening a host's circuit: the host itself failing, not a rate limit or a client error.</summary>
    public static bool IsHostFailure(Outcome<HttpResponseMessage> outcome) =>
        (outcome.Exception is { } exception && IsConnectionFailure(exception))
        || (outcome.Result is { } response && ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout));

    private static bool IsConnectionFailure(Exception exception) =>
        exception is (HttpRequestException and not PrivateNetworkRefusedException) or TimeoutRejectedException or SocketException or IOException;

    /// <summary>The server's Retry-After when present, else exponential backoff with jitter.</summary>
    public static TimeSpan RetryDelay(Outcome<HttpResponseMessage> outcome, int attempt, HttpResilienceOptions options, DateTimeOffset now, double random)
    {
        if (outcome.Result is { } response && RetryAfterHeader.ReadRetryAfter(response.Headers, now) is { } until)
        {
            return until - now;
        }

        return ExponentialBackoff.Compute(attempt + 1, options.RetryBaseDelay, options.RetryMaxDelay, random);
    }
}
