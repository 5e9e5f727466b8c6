using System.ComponentModel.DataAnnotations;
using Monitor.Core.Configuration;

namespace Monitor.Core.Polling;

/// <summary>When and how accounts are polled (<c>Monitor:Polling</c>).</summary>
public sealed class PollingOptions : IValidatableOptions
{
    public const string SectionPath = "Monitor:Polling";

    /// <summary>How often the poll cycle runs to pick up due accounts. Default 1 min; 1 s to 1 h. Ignored when <see cref="Cron"/> is set.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CycleInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Quartz cron expression for the poll cycle (e.g. <c>0 0/5 * * * ?</c>); null uses <see cref="CycleInterval"/>.</summary>
    public string? Cron { get; set; }

    /// <summary>
    /// Adapt each account's interval to how often it posts: one week ÷ (posts in the last 7 days × <see cref="FrequencyFactor"/>),
    /// clamped to [MinInterval, MaxInterval]. Default true; false polls every account at <see cref="DefaultInterval"/>.
    /// </summary>
    public bool Adaptive { get; set; } = true;

    /// <summary>Polls per post in the adaptive formula: 2 polls an account posting daily twice a day. Default 1; 0.01 to 100.</summary>
    [Range(0.01, 100)]
    public double FrequencyFactor { get; set; } = 1;

    /// <summary>Interval of an account whose posting frequency is not known yet. Default 30 min; between Min and Max.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "30.00:00:00")]
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Shortest time between two polls of one account. Default 5 min; 10 s to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Longest time between two polls of one account. Default 1 day; 1 min to 30 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>First delay after a failed poll; doubles with each failure in a row, with jitter. Default 5 min; 1 s to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ErrorBackoffBase { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Cap of the failure backoff: a failing account is still retried this often. Default 1 day; 1 min to 30 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ErrorBackoffMax { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Accounts polled at once by one worker. Default 8; 1 to 256.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Accounts on the same host polled at once by one worker. Default 2; 1 to 64.</summary>
    [Range(1, 64)]
    public int MaxConcurrencyPerHost { get; set; } = 2;

    /// <summary>How long a claimed account stays reserved for its worker; a crashed worker's accounts are taken over after it. Default 10 min; 1 min to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>On an account's first poll, adapters page back to this date (or their page cap). Null: one page cap's worth.</summary>
    public DateTimeOffset? BackfillSince { get; set; }

    /// <summary>
    /// Checks in a row that must miss a post (absent from a listing or a batch lookup) before it is marked deleted.
    /// Positive evidence — a 404/410 for that post, a tombstone, a delete event — marks it at once. Default 2; 1 to 10.
    /// </summary>
    [Range(1, 10)]
    public int DeletionConfirmations { get; set; } = 2;

    /// <summary>Newest stored posts handed to adapters for stop conditions and deletion checks. Default 40; 0 to 500.</summary>
    [Range(0, 500)]
    public int RecentPostWindow { get; set; } = 40;

    public IEnumerable<string> Validate()
    {
        if (MinInterval > MaxInterval)
        {
            yield return $"{nameof(MinInterval)}: must not be longer than {nameof(MaxInterval)} ({MaxInterval}).";
        }

        if (DefaultInterval < MinInterval || DefaultInterval > MaxInterval)
        {
            yield return $"{nameof(DefaultInterval)}: must be between {nameof(MinInterval)} ({MinInterval}) and {nameof(MaxInterval)} ({MaxInterval}).";
        }

        if (ErrorBackoffBase > ErrorBackoffMax)
        {
            yield return $"{nameof(ErrorBackoffBase)}: must not be longer than {nameof(ErrorBackoffMax)} ({ErrorBackoffMax}).";
        }
    }
}
