using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(2400, LogLevel.Debug, "X GET {Path}: HTTP {Status}")]
    public static partial void XRequested(ILogger logger, string path, int status);

    [LoggerMessage(2401, LogLevel.Information, "X backfill of {AccountId}: page {Page}, {Posts} posts so far")]
    public static partial void XBackfillProgress(ILogger logger, string accountId, int page, int posts);

    [LoggerMessage(2402, LogLevel.Warning, "X timeline of {AccountId} stopped at the page cap ({Pages} pages); older posts were not fetched")]
    public static partial void XPageCapReached(ILogger logger, string accountId, int pages);

    [LoggerMessage(2403, LogLevel.Warning, "X deletion check of {AccountId} skipped: {Status} {Error}")]
    public static partial void XDeletionCheckFailed(ILogger logger, string accountId, string status, string? error);

    [LoggerMessage(2404, LogLevel.Warning, "X handle of {AccountId} now belongs to user {NewUserId} (was {OldUserId}); its history is fetched again")]
    public static partial void XAccountChanged(ILogger logger, string accountId, string newUserId, string oldUserId);
}
