using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(4000, LogLevel.Debug, "Activity of {Accounts} accounts from {From:yyyy-MM-dd} to {To:yyyy-MM-dd} computed in {Elapsed}")]
    public static partial void ActivityQueried(ILogger logger, int accounts, DateOnly from, DateOnly to, TimeSpan elapsed);
}
