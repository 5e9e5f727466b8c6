using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;
using Monitor.Core.Resilience;

namespace Monitor.Core.Polling;

/// <summary>Decides when an account is polled next, from how its last poll went and how often it posts.</summary>
internal sealed class NextPollCalculator(IOptions<PollingOptions> options)
{
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);
    private readonly PollingOptions options = options.Value;

    /// <summary>
    /// After a success: with <see cref="PollingOptions.Adaptive"/>, one week ÷ (weekly posts × FrequencyFactor), as
    /// Miniflux's entry-frequency scheduler does (0 weekly posts → MaxInterval, unknown → DefaultInterval); otherwise
    /// DefaultInterval. Raised to the source's cache hint, clamped to [MinInterval, MaxInterval].
    /// After a failure: exponential backoff with jitter from ErrorBackoffBase, capped at ErrorBackoffMax.
    /// Either way never before a Retry-After / rate-limit reset the platform gave, and after a success never sooner than
    /// <paramref name="budgetInterval"/>, the interval that makes the platform's request budget last until its reset
    /// (it wins over MaxInterval: polling more often would only run into the budget).
    /// </summary>
    /// <param name="result">The adapter's result.</param>
    /// <param name="consecutiveFailures">Failures in a row including this poll.</param>
    /// <param name="now">Current time.</param>
    /// <param name="random">Uniform [0, 1) for the backoff's jitter.</param>
    /// <param name="weeklyPosts">Posts published in the last 7 days, or null when not known yet (first poll).</param>
    /// <param name="budgetInterval">The request budget's minimum interval between this account's polls, or null without a budget.</param>
    public DateTimeOffset Compute(FetchResult result, int consecutiveFailures, DateTimeOffset now, double random, double? weeklyPosts = null, TimeSpan? budgetInterval = null)
    {
        TimeSpan delay;
        if (result.Status.IsSuccess())
        {
            var interval = Interval(weeklyPosts);
            if (result.CacheHint is { } hint && hint > interval)
            {
                interval = hint;
            }

            delay = Clamp(interval);
            if (budgetInterval is { } floor && floor > delay)
            {
                delay = floor;
            }
        }
        else
        {
            delay = ExponentialBackoff.Compute(consecutiveFailures, options.ErrorBackoffBase, options.ErrorBackoffMax, random);
        }

        var next = now + delay;
        return result.RetryAfter is { } retryAfter && retryAfter > next ? retryAfter : next;
    }

    /// <summary>
    /// Posts of the last 7 days known after a poll: the fetched ones plus the stored recent ones (deduplicated).
    /// The store hands over at most <paramref name="recentLimit"/> recent posts; when that list is full and all of it
    /// lies within the week (<see cref="NeedsStoredCount"/>), the week is not fully seen: then the store's own count of
    /// the week (<paramref name="storedInWeek"/>) plus the fetched posts it does not hold yet is used, and without that
    /// count the rate over the span seen is extrapolated to 7 days. Null on a first poll: the frequency is not known yet.
    /// </summary>
    public static double? EstimateWeeklyPosts(FetchRequest request, FetchResult result, int recentLimit, DateTimeOffset now, int? storedInWeek = null)
    {
        if (request.IsFirstPoll)
        {
            return null;
        }

        var weekStart = now - Week;
        var times = result.Posts.Select(p => (p.PostId, p.PublishedAt))
            .Concat(request.RecentPosts.Select(p => (p.PostId, p.PublishedAt)))
            .DistinctBy(p => p.PostId, StringComparer.Ordinal)
            .Where(p => p.PublishedAt > weekStart && p.PublishedAt <= now)
            .Select(p => p.PublishedAt)
            .ToList();
        if (!NeedsStoredCount(request, recentLimit, now) || times.Count == 0)
        {
            return times.Count;
        }

        if (storedInWeek is { } stored)
        {
            var known = request.RecentPosts.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
            return stored + result.Posts.Count(p => p.PublishedAt > weekStart && p.PublishedAt <= now && !known.Contains(p.PostId));
        }

        var span = now - times.Min();
        return span <= TimeSpan.FromMinutes(1) ? times.Count * Week.TotalMinutes : times.Count * (Week / span);
    }

    /// <summary>True when the recent posts handed to the adapter are all within the week and fill the window: only the store knows the week's count.</summary>
    public static bool NeedsStoredCount(FetchRequest request, int recentLimit, DateTimeOffset now) =>
        !request.IsFirstPoll && recentLimit > 0 && request.RecentPosts.Count >= recentLimit
        && request.RecentPosts.All(p => p.PublishedAt > now - Week);

    private TimeSpan Interval(double? weeklyPosts) => (options.Adaptive, weeklyPosts) switch
    {
        (false, _) or (_, null) => options.DefaultInterval,
        (_, <= 0) => options.MaxInterval,
        (_, { } weekly) => Week / (weekly * options.FrequencyFactor),
    };

    private TimeSpan Clamp(TimeSpan interval) =>
        interval < options.MinInterval ? options.MinInterval
        : interval > options.MaxInterval ? options.MaxInterval
        : interval;
}
