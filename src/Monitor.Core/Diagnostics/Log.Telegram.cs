using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(2600, LogLevel.Information, "Telegram backfill of {AccountId}: page {Page} read, {Messages} messages so far")]
    public static partial void TelegramBackfillPage(ILogger logger, string accountId, int page, int messages);

    [LoggerMessage(2601, LogLevel.Warning, "Telegram paging of {AccountId} stopped at the page cap ({MaxPages}); older messages are left out")]
    public static partial void TelegramPageCapReached(ILogger logger, string accountId, int maxPages);
}
