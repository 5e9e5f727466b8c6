namespace Monitor.Core.Resilience;

/// <summary>Exponential backoff with jitter and a cap: grows, never cuts off.</summary>
public static class ExponentialBackoff
{
    /// <summary>
    /// Delay before attempt <paramref name="attempt"/> (1 = first retry): <c>baseDelay · 2^(attempt-1)</c>, capped at
    /// <paramref name="maxDelay"/>, then spread by ±20% jitter (<paramref name="random"/> in [0,1)) and capped again,
    /// so many failing accounts do not retry in lock-step.
    /// </summary>
    public static TimeSpan Compute(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var raw = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        var jittered = raw * (0.8 + (0.4 * Math.Clamp(random, 0, 1)));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, maxDelay.TotalMilliseconds));
    }
}
