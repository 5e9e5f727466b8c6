using System.Diagnostics.Metrics;

namespace Monitor.Core.Diagnostics;

/// <summary>Monitor's metric instruments (meter <c>Monitor</c>), exported by whatever listener the host configures.</summary>
public static class MonitorMetrics
{
    public const string MeterName = "Monitor";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Account polls, tagged with <c>platform</c> and <c>status</c>.</summary>
    public static readonly Counter<long> Polls = Meter.CreateCounter<long>("monitor.polls", description: "Account polls by platform and status");

    /// <summary>New posts stored, tagged with <c>platform</c>.</summary>
    public static readonly Counter<long> PostsIngested = Meter.CreateCounter<long>("monitor.posts.ingested", description: "New posts stored");

    /// <summary>Duration of account polls in seconds, tagged with <c>platform</c>; buckets from 50 ms to 2 min (the default ones assume ms).</summary>
    public static readonly Histogram<double> PollDuration = Meter.CreateHistogram("monitor.poll.duration", "s", "Account poll duration",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120] });

    /// <summary>HTTP retries made by the resilience pipeline.</summary>
    public static readonly Counter<long> HttpRetries = Meter.CreateCounter<long>("monitor.http.retries", description: "HTTP retries");

    /// <summary>Circuits now open (rejecting calls), tagged with <c>authority</c>: +1 when one opens, −1 when its break ends.</summary>
    public static readonly UpDownCounter<long> CircuitsOpen = Meter.CreateUpDownCounter<long>("monitor.http.circuits.open", description: "Circuit breakers currently open, by authority");

    /// <summary>Times a circuit opened, tagged with <c>authority</c>.</summary>
    public static readonly Counter<long> CircuitsOpened = Meter.CreateCounter<long>("monitor.http.circuits.opened", description: "Circuit breaker openings, by authority");

    /// <summary>Polls deferred because the platform's request budget was spent, tagged with <c>platform</c>.</summary>
    public static readonly Counter<long> BudgetDeferrals = Meter.CreateCounter<long>("monitor.budget.deferrals", description: "Polls deferred by a spent request budget");

    private static Func<IEnumerable<Measurement<long>>> budgets = () => [];

    /// <summary>Requests (YouTube: units) left in each budget's current window, tagged with <c>platform</c> and <c>budget</c>.</summary>
    public static readonly ObservableGauge<long> BudgetRemaining = Meter.CreateObservableGauge(
        "monitor.budget.remaining", () => Volatile.Read(ref budgets)(), description: "Requests left in the current budget window");

    /// <summary>Sets where the remaining-budget gauge reads from (the worker's budget tracker).</summary>
    public static void RecordBudgets(Func<IEnumerable<Measurement<long>>> source) => Volatile.Write(ref budgets, source);

    private static AccountBacklog backlog = AccountBacklog.Unknown;

    /// <summary>Enabled accounts whose next poll time has come (from the last <see cref="RecordBacklog"/>).</summary>
    public static readonly ObservableGauge<long> AccountsDue = Meter.CreateObservableGauge(
        "monitor.accounts.due", () => Observe(backlog.Due), description: "Enabled accounts due for a poll");

    /// <summary>Enabled accounts due for longer than the overdue threshold (from the last <see cref="RecordBacklog"/>).</summary>
    public static readonly ObservableGauge<long> AccountsOverdue = Meter.CreateObservableGauge(
        "monitor.accounts.overdue", () => Observe(backlog.Overdue), description: "Enabled accounts overdue for a poll");

    /// <summary>Publishes the newest count of due and overdue accounts for the gauges (the store is sampled elsewhere).</summary>
    public static void RecordBacklog(AccountBacklog value) => Volatile.Write(ref backlog, value);

    // Until the store has been sampled the gauges report nothing rather than a misleading zero.
    private static IEnumerable<Measurement<long>> Observe(long? value) =>
        value is { } v ? [new Measurement<long>(v)] : [];
}

/// <summary>Due and overdue enabled accounts at one moment; null before the first sample.</summary>
public sealed record AccountBacklog(long? Due, long? Overdue)
{
    public static AccountBacklog Unknown { get; } = new(null, null);
}
