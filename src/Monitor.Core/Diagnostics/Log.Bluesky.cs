using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(2200, LogLevel.Information, "Backfill of {AccountId} (Bluesky): page {Page}, {Posts} posts so far, back to {Oldest:u}")]
    public static partial void BlueskyBackfillProgress(ILogger logger, string accountId, int page, int posts, DateTimeOffset? oldest);

    [LoggerMessage(2201, LogLevel.Warning, "Paging of {AccountId} (Bluesky) stopped at the cap of {Pages} pages before reaching a known post; older new posts may be missed")]
    public static partial void BlueskyPollPageCapReached(ILogger logger, string accountId, int pages);

    [LoggerMessage(2202, LogLevel.Information, "Backfill of {AccountId} (Bluesky) stopped after {Pages} pages ({Reason})")]
    public static partial void BlueskyBackfillStopped(ILogger logger, string accountId, int pages, string reason);

    [LoggerMessage(2203, LogLevel.Warning, "Bluesky returned none of the {Count} recent posts of {AccountId}; not treating them as deleted")]
    public static partial void BlueskyDeletionCheckInconclusive(ILogger logger, string accountId, int count);
}
