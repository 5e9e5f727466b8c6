namespace Monitor.Testing;

/// <summary>
/// What a <see cref="FeedFarm"/> does wrong, as shares of requests (drawn from one seeded random source, so a run is
/// reproducible), and how slowly it answers.
/// </summary>
public sealed record FeedFarmFaults
{
    /// <summary>No faults, no latency.</summary>
    public static FeedFarmFaults None { get; } = new();

    /// <summary>Seed of the fault draws.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Share answered 500, 502 or 503.</summary>
    public double ServerErrors { get; init; }

    /// <summary>Share not answered for <see cref="TimeoutHold"/> (the client's attempt timeout should fire first).</summary>
    public double Timeouts { get; init; }

    /// <summary>Share answered 429 with <c>Retry-After: 1</c>.</summary>
    public double RateLimits { get; init; }

    /// <summary>Share answered 200 with a truncated, malformed feed.</summary>
    public double MalformedBodies { get; init; }

    /// <summary>How long a "timeout" holds the request before giving up with 504.</summary>
    public TimeSpan TimeoutHold { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Delay before every answer (for tests that must interrupt a cycle while requests are in flight).</summary>
    public TimeSpan Latency { get; init; }
}

/// <summary>How many answers of each kind a farm gave.</summary>
public sealed record FeedFarmCounts(int Ok, int NotModified, int ServerErrors, int Timeouts, int RateLimits, int MalformedBodies);
