using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(4200, LogLevel.Debug, "{Entity} report from {From:yyyy-MM-dd} to {To:yyyy-MM-dd}: {Counts} stored counts read in {Elapsed}")]
    public static partial void EntitiesQueried(ILogger logger, string entity, int counts, DateOnly from, DateOnly to, TimeSpan elapsed);
}
