using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

/// <summary>The worker's status endpoint and metric sampling: event ids 5000–5099.</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Status endpoint listening on {Addresses} (API key {KeyState})")]
    public static partial void WebListening(ILogger logger, string addresses, string keyState);

    [LoggerMessage(5001, LogLevel.Warning, "Status endpoint listens beyond loopback on {Addresses} without an API key (Monitor:Web:AllowAnonymousRemote=true)")]
    public static partial void WebAnonymousRemote(ILogger logger, string addresses);

    [LoggerMessage(5002, LogLevel.Warning, "Counting due accounts for the metrics failed")]
    public static partial void BacklogSampleFailed(ILogger logger, Exception exception);
}
