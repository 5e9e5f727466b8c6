using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

/// <summary>
/// Every log message of Monitor, source-generated. Areas keep their own partial file and event-id range:
/// HTTP 1000–1099, polling 1100–1199, storage 1200–1299, accounts 1300–1399, settings and start-up 1400–1499,
/// feeds 2000–2099, Mastodon 2100–,
/// Bluesky 2200–, YouTube 2300–, X 2400–, Facebook 2500–, Telegram 2600–, Mongo 3000–3099, activity 4000–4099.
/// Messages never carry credentials: URLs are logged without their query string.
/// </summary>
internal static partial class Log
{
    // Information: a retry is the pipeline working; what counts (the poll's outcome) is logged per account.
    [LoggerMessage(1000, LogLevel.Information, "HTTP to {Authority} failed ({Reason}); retry {Attempt} in {Delay}")]
    public static partial void HttpRetrying(ILogger logger, string? authority, int attempt, TimeSpan delay, string reason);

    [LoggerMessage(1001, LogLevel.Warning, "Circuit opened for {Authority} for {BreakDuration}: the host keeps failing ({Reason})")]
    public static partial void CircuitOpened(ILogger logger, string? authority, TimeSpan breakDuration, string reason);

    [LoggerMessage(1002, LogLevel.Information, "Circuit closed for {Authority}: the host answers again")]
    public static partial void CircuitClosed(ILogger logger, string? authority);
}
