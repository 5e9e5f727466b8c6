using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(4100, LogLevel.Information, "Study of {Accounts} accounts from {From:yyyy-MM-dd} to {To:yyyy-MM-dd} built in {Elapsed}")]
    public static partial void StudyBuilt(ILogger logger, int accounts, DateOnly from, DateOnly to, TimeSpan elapsed);
}
