using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(2400, LogLevel.Debug, "X GET {Path}: HTTP {Status}")]
    public static partial void XRequested(ILogger logger, string path, int status);

    [LoggerMessage(2401, LogLevel.Information, "X backfill of {AccountId}: page {Page}, {Posts} posts so far")]
    public static partial void XBackfillProgress(ILogger logger, string accountId, int page, int posts);

    [LoggerMessage(2402, LogLevel.Warning, "X backfill of {AccountId} stopped at the page cap ({Pages} pages); older posts were not fetched")]
    public static partial void XPageCapReached(ILogger logger, string accountId, int pages);

    [LoggerMessage(2403, LogLevel.Warning, "X deletion check of {AccountId} skipped: {Status} {Error}")]
    public static partial void XDeletionCheckFailed(ILogger logger, string accountId, string status, string? error);

    [LoggerMessage(2405, LogLevel.Warning, "X burst of {AccountId} exceeded the page cap ({Pages} pages): posts between {SinceId} and {UntilId} are read by the next polls")]
    public static partial void XGapOpened(ILogger logger, string accountId, int pages, string sinceId, string untilId);

    [LoggerMessage(2406, LogLevel.Information, "X gap of {AccountId} between {SinceId} and {UntilId} closed ({Posts} posts read)")]
    public static partial void XGapClosed(ILogger logger, string accountId, string sinceId, string untilId, int posts);

    [LoggerMessage(2407, LogLevel.Warning, "X gap reading of {AccountId} paused: {Status} {Error}; the next poll continues")]
    public static partial void XGapPaused(ILogger logger, string accountId, string status, string? error);

    [LoggerMessage(2408, LogLevel.Warning, "X profile refresh of {AccountId} failed: {Status} {Error}; counts are read again next poll")]
    public static partial void XProfileRefreshFailed(ILogger logger, string accountId, string status, string? error);
}
