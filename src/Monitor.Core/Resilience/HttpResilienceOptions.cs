using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Resilience;

/// <summary>The Polly pipeline around every HTTP call (<c>Monitor:Http:Resilience</c>).</summary>
public sealed class HttpResilienceOptions : Configuration.IValidatableOptions
{
    public const string SectionPath = "Monitor:Http:Resilience";

    /// <summary>Retries after the first attempt on transient failures (5xx, 408, 429, timeouts, connection errors). Default 3; 0 to 10.</summary>
    [Range(0, 10)]
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>First retry delay; doubles each attempt, with jitter. Default 2 s; 10 ms to 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Cap of a computed retry delay. Default 30 s; 10 ms to 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Longest <c>Retry-After</c> waited for inside a poll. A longer one ends the poll as <c>rateLimited</c> and defers
    /// the account until then instead of holding a worker. Default 1 min; 0 to 15 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:15:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Budget of one request including its retries. Default 2 min; 1 s to 30 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Failure ratio over the sampling window that opens a host's circuit. Default 0.5; 0.01 to 1.</summary>
    [Range(0.01, 1.0)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls to a host within the window before the breaker may open. Default 4; 2 to 1000.</summary>
    [Range(2, 1000)]
    public int BreakerMinimumThroughput { get; set; } = 4;

    /// <summary>Window over which the failure ratio is measured. Default 1 min; 1 s to 1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an open circuit rejects calls to its host before a trial call. Default 5 min; 1 s to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<string> Validate()
    {
        if (RetryMaxDelay < RetryBaseDelay)
        {
            yield return $"{nameof(RetryMaxDelay)}: must not be shorter than {nameof(RetryBaseDelay)} ({RetryBaseDelay}).";
        }
    }
}
