using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(1100, LogLevel.Debug, "Poll cycle started by {Owner}")]
    public static partial void CycleStarted(ILogger logger, string owner);

    /// <summary>A cycle that polled something is Information; an idle one (nothing due) only Debug.</summary>
    public static void CycleFinished(ILogger logger, int accounts, int failed, int newPosts, TimeSpan elapsed)
    {
        if (accounts == 0)
        {
            CycleIdle(logger, elapsed);
        }
        else
        {
            CyclePolled(logger, accounts, failed, newPosts, elapsed);
        }
    }

    [LoggerMessage(1101, LogLevel.Information, "Poll cycle finished: {Accounts} accounts, {Failed} failed, {NewPosts} new posts in {Elapsed}")]
    private static partial void CyclePolled(ILogger logger, int accounts, int failed, int newPosts, TimeSpan elapsed);

    [LoggerMessage(1115, LogLevel.Debug, "Poll cycle finished: nothing was due ({Elapsed})")]
    private static partial void CycleIdle(ILogger logger, TimeSpan elapsed);

    [LoggerMessage(1102, LogLevel.Debug, "Polled {AccountId} ({Platform}): {Status}, {NewPosts} new of {SeenPosts}, next at {NextPollAt:u}")]
    public static partial void AccountPolled(ILogger logger, string accountId, string platform, string status, int newPosts, int seenPosts, DateTimeOffset nextPollAt);

    [LoggerMessage(1103, LogLevel.Warning, "Poll of {AccountId} ({Platform}) failed: {Status} {Error}; retry at {NextPollAt:u}")]
    public static partial void AccountPollFailed(ILogger logger, string accountId, string platform, string status, string? error, DateTimeOffset nextPollAt);

    [LoggerMessage(1104, LogLevel.Error, "Storing the poll of {AccountId} failed; its cursor stays where it was")]
    public static partial void RecordPollFailed(ILogger logger, Exception exception, string accountId);

    [LoggerMessage(1105, LogLevel.Error, "Poll cycle aborted: the store is unavailable")]
    public static partial void CycleStoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(1106, LogLevel.Information, "Poll of {AccountId} abandoned at shutdown; it stays due")]
    public static partial void PollAbandoned(ILogger logger, string accountId);

    [LoggerMessage(1107, LogLevel.Warning, "Platform {Platform} deferred until {Until:u} (app-wide rate limit)")]
    public static partial void PlatformDeferred(ILogger logger, string platform, DateTimeOffset until);

    [LoggerMessage(1108, LogLevel.Error, "Adapter for {AccountId} ({Platform}) threw unexpectedly")]
    public static partial void AdapterCrashed(ILogger logger, Exception exception, string accountId, string platform);

    [LoggerMessage(1109, LogLevel.Warning, "Giving back the lease of {AccountId} failed; it expires on its own")]
    public static partial void LeaseReleaseFailed(ILogger logger, Exception exception, string accountId);

    [LoggerMessage(1110, LogLevel.Information, "Polling: {Accounts} polls finished since the last heartbeat, {Failed} failed, {NewPosts} new posts; {Running} running")]
    public static partial void HeartbeatBusy(ILogger logger, int accounts, int failed, int newPosts, int running);

    [LoggerMessage(1111, LogLevel.Debug, "Polling: idle heartbeat, {Running} polls running")]
    public static partial void HeartbeatIdle(ILogger logger, int running);

    [LoggerMessage(1112, LogLevel.Warning, "Lease of {AccountId} was taken over during its poll; the poll's writes are fenced off")]
    public static partial void LeaseLost(ILogger logger, string accountId);

    [LoggerMessage(1113, LogLevel.Warning, "Renewing the lease of {AccountId} failed; retrying at the next renewal")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception, string accountId);

    [LoggerMessage(1114, LogLevel.Error, "Refilling the poll pool failed")]
    public static partial void RefillFailed(ILogger logger, Exception exception);
}
