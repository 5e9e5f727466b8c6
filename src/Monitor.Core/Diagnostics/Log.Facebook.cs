using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(2500, LogLevel.Warning, "Facebook account {AccountId} not polled: Monitor:Platforms:Facebook:AccessToken is not set")]
    public static partial void FacebookTokenMissing(ILogger logger, string accountId);

    [LoggerMessage(2501, LogLevel.Information, "Facebook backfill of {AccountId}: page {Page} read, {Posts} posts so far")]
    public static partial void FacebookBackfillPage(ILogger logger, string accountId, int page, int posts);

    [LoggerMessage(2502, LogLevel.Warning, "Facebook listing of {AccountId} stopped at the page cap ({MaxPages}); older posts are left for later")]
    public static partial void FacebookPageCapReached(ILogger logger, string accountId, int maxPages);

    [LoggerMessage(2503, LogLevel.Warning, "Facebook throttled {AccountId}: {Error}; retry after {RetryAfter:u}")]
    public static partial void FacebookRateLimited(ILogger logger, string accountId, string? error, DateTimeOffset? retryAfter);

    [LoggerMessage(2504, LogLevel.Debug, "Facebook account {AccountId}: {Deleted} of {Checked} recent posts no longer listed")]
    public static partial void FacebookDeletionsFound(ILogger logger, string accountId, int deleted, int @checked);
}
