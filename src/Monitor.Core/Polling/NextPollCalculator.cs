using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;
using Monitor.Core.Resilience;

namespace Monitor.Core.Polling;

/// <summary>Decides when an account is polled next, from how its last poll went.</summary>
internal sealed class NextPollCalculator(IOptions<PollingOptions> options)
{
    private readonly PollingOptions options = options.Value;

    /// <summary>
    /// After a success: the regular interval, raised to the source's cache hint, clamped to [MinInterval, MaxInterval].
    /// After a failure: exponential backoff with jitter from ErrorBackoffBase, capped at ErrorBackoffMax.
    /// Either way never before a Retry-After / rate-limit reset the platform gave.
    /// </summary>
    public DateTimeOffset Compute(FetchResult result, int consecutiveFailures, DateTimeOffset now, double random)
    {
        TimeSpan delay;
        if (result.Status.IsSuccess())
        {
            var interval = options.DefaultInterval;
            if (result.CacheHint is { } hint && hint > interval)
            {
                interval = hint;
            }

            delay = Clamp(interval);
        }
        else
        {
            delay = ExponentialBackoff.Compute(consecutiveFailures, options.ErrorBackoffBase, options.ErrorBackoffMax, random);
        }

        var next = now + delay;
        return result.RetryAfter is { } retryAfter && retryAfter > next ? retryAfter : next;
    }

    private TimeSpan Clamp(TimeSpan interval) =>
        interval < options.MinInterval ? options.MinInterval
        : interval > options.MaxInterval ? options.MaxInterval
        : interval;
}
