namespace Monitor.Core.Polling;

/// <summary>
/// When the poll cycle last started and finished, for readiness checks and the dashboard. One per process; the
/// cycle updates it, readers take a consistent copy.
/// </summary>
public sealed class PollCycleState
{
    private readonly Lock gate = new();
    private PollCycleSnapshot current = new(null, null, null);

    /// <summary>A consistent copy of the last start, finish and summary.</summary>
    public PollCycleSnapshot Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    internal void MarkStarted(DateTimeOffset at)
    {
        lock (gate)
        {
            current = current with { LastStartedAt = at };
        }
    }

    internal void MarkFinished(DateTimeOffset at, CycleSummary summary)
    {
        lock (gate)
        {
            current = current with { LastFinishedAt = at, LastSummary = summary };
        }
    }
}

/// <summary>The poll cycle's last start and finish; null before the first.</summary>
/// <param name="LastStartedAt">When the newest cycle started.</param>
/// <param name="LastFinishedAt">When the newest completed cycle finished.</param>
/// <param name="LastSummary">What the newest completed cycle did.</param>
public sealed record PollCycleSnapshot(DateTimeOffset? LastStartedAt, DateTimeOffset? LastFinishedAt, CycleSummary? LastSummary)
{
    /// <summary>True while a cycle that started after the last finish is running.</summary>
    public bool IsRunning => LastStartedAt is { } started && (LastFinishedAt is not { } finished || started > finished);
}
