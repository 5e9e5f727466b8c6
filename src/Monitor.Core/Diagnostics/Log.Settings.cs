using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

/// <summary>Configuration checks at start-up: event ids 1400–1499.</summary>
internal static partial class Log
{
    [LoggerMessage(1400, LogLevel.Warning, "Ignored setting {Setting}")]
    public static partial void UnknownSetting(ILogger logger, string setting);
}
