namespace Monitor.Core.Archive;

/// <summary>The raw capture archive as the poller sees it: a capture per poll, flushed before the poll is stored.</summary>
public interface ICaptureArchive
{
    /// <summary>False when <c>Monitor:Archive:Enabled</c> is off: captures are then empty and flushing is free.</summary>
    bool Enabled { get; }

    /// <summary>
    /// Starts collecting the exchanges of one poll on this async flow (open it before the fetch, in the method that
    /// awaits the fetch); dispose when the poll is done.
    /// </summary>
    PollCapture BeginPoll();
}
