using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(2100, LogLevel.Information, "Backfill of {AccountId} (Mastodon): page {Page}, {Statuses} statuses so far, back to {Oldest:u}")]
    public static partial void MastodonBackfillProgress(ILogger logger, string accountId, int page, int statuses, DateTimeOffset? oldest);

    [LoggerMessage(2101, LogLevel.Information, "Paging of {AccountId} (Mastodon) stopped at the cap of {Pages} pages ({Mode})")]
    public static partial void MastodonPageCapReached(ILogger logger, string accountId, int pages, string mode);

    [LoggerMessage(2102, LogLevel.Warning, "Mastodon rate limit used up while polling {AccountId}; paging stops until {Reset:u}")]
    public static partial void MastodonRateLimitExhausted(ILogger logger, string accountId, DateTimeOffset? reset);

    [LoggerMessage(2103, LogLevel.Warning, "Paging of {AccountId} (Mastodon) stopped at page {Page}: {Status} {Error}; keeping {Statuses} statuses")]
    public static partial void MastodonPagingStopped(ILogger logger, string accountId, int page, string status, string? error, int statuses);

    [LoggerMessage(2104, LogLevel.Information, "{AccountId} (Mastodon) has moved to {Target}; its old account is still polled")]
    public static partial void MastodonAccountMoved(ILogger logger, string accountId, string? target);
}
