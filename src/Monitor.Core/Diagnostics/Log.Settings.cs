using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

/// <summary>Configuration checks and start-up failures: event ids 1400–1499.</summary>
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Warning, "Ignored setting {Setting}")]
    public static partial void UnknownSetting(ILogger logger, string setting);

    [LoggerMessage(1401, LogLevel.Critical, "Start-up failed: {Problem}")]
    public static partial void StartupFailed(ILogger logger, string problem);
}
