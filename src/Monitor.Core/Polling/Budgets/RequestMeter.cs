namespace Monitor.Core.Polling.Budgets;

/// <summary>
/// Counts the cost of the requests one poll sends, whichever adapter sends them: the poller opens a meter around the
/// fetch and <see cref="RequestMeterHandler"/> in the platform's HttpClient pipeline adds to the meter of the current
/// async flow (an <see cref="AsyncLocal{T}"/>, as the capture archive does), so adapters need to know nothing about it.
/// </summary>
internal sealed class RequestMeter : IDisposable
{
    private static readonly AsyncLocal<RequestMeter?> CurrentMeter = new();
    private readonly RequestMeter? previous;
    private int cost;

    private RequestMeter()
    {
        previous = CurrentMeter.Value;
        CurrentMeter.Value = this;
    }

    /// <summary>The meter of the poll running in this async flow; null outside a poll.</summary>
    public static RequestMeter? Current => CurrentMeter.Value;

    /// <summary>Cost of the requests sent so far (retries included: each attempt is a request the platform counts).</summary>
    public int Cost => Volatile.Read(ref cost);

    /// <summary>Starts metering the current async flow.</summary>
    public static RequestMeter Begin() => new();

    public void Add(int requestCost) => Interlocked.Add(ref cost, requestCost);

    public void Dispose() => CurrentMeter.Value = previous;
}
