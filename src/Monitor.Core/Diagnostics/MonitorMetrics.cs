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

    /// <summary>Duration of account polls in seconds, tagged with <c>platform</c>.</summary>
    public static readonly Histogram<double> PollDuration = Meter.CreateHistogram<double>("monitor.poll.duration", "s", "Account poll duration");

    /// <summary>HTTP retries made by the resilience pipeline.</summary>
    public static readonly Counter<long> HttpRetries = Meter.CreateCounter<long>("monitor.http.retries", description: "HTTP retries");
}
