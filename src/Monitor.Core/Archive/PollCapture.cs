namespace Monitor.Core.Archive;

/// <summary>
/// The exchanges one poll appended to the archive. The HTTP handler finds the open capture through an
/// <see cref="AsyncLocal{T}"/>, so an adapter needs to know nothing about it.
/// </summary>
public sealed class PollCapture : IDisposable
{
    private static readonly AsyncLocal<PollCapture?> CurrentCapture = new();

    private readonly Func<CancellationToken, Task> flush;
    private readonly PollCapture? previous;
    private readonly List<string> responseRecordIds = [];

    internal PollCapture(Func<CancellationToken, Task> flush)
    {
        this.flush = flush;
        previous = CurrentCapture.Value;
        CurrentCapture.Value = this;
    }

    internal static PollCapture? Current => CurrentCapture.Value;

    /// <summary>WARC-Record-IDs of the response records this poll produced, in the order they arrived.</summary>
    public IReadOnlyList<string> ResponseRecordIds
    {
        get
        {
            lock (responseRecordIds)
            {
                return responseRecordIds.ToArray();
            }
        }
    }

    /// <summary>The last response record (the one a single-request poll's posts came from); null when nothing was archived.</summary>
    public string? LastResponseRecordId
    {
        get
        {
            lock (responseRecordIds)
            {
                return responseRecordIds.Count > 0 ? responseRecordIds[^1] : null;
            }
        }
    }

    /// <summary>Makes the poll's records durable (fsync). Await it before the poll's database write.</summary>
    public Task FlushAsync(CancellationToken cancellationToken) => flush(cancellationToken);

    public void Dispose()
    {
        if (CurrentCapture.Value == this)
        {
            CurrentCapture.Value = previous;
        }
    }

    internal void Add(string responseRecordId)
    {
        lock (responseRecordIds)
        {
            responseRecordIds.Add(responseRecordId);
        }
    }
}
