using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(1200, LogLevel.Information, "SQLite store ready at {Path} (schema version {Version})")]
    public static partial void SqliteReady(ILogger logger, string path, int version);

    [LoggerMessage(1201, LogLevel.Information, "SQLite schema migrated from version {From} to {To}")]
    public static partial void SqliteMigrated(ILogger logger, int from, int to);

    [LoggerMessage(1202, LogLevel.Information, "Accounts synced: {Added} added, {Updated} updated, {Disabled} disabled")]
    public static partial void AccountsSynced(ILogger logger, int added, int updated, int disabled);

    [LoggerMessage(1203, LogLevel.Debug, "{Owner} claimed {Count} accounts")]
    public static partial void AccountsClaimed(ILogger logger, string owner, int count);

    [LoggerMessage(1204, LogLevel.Warning, "Store health check failed: {Reason}")]
    public static partial void StoreUnhealthy(ILogger logger, string reason);

    [LoggerMessage(1205, LogLevel.Warning, "Poll of {AccountId} was fenced off: {Owner} lost lease epoch {Epoch} to another claim; only new posts and the snapshot were stored")]
    public static partial void PollFencedOff(ILogger logger, string accountId, string owner, long epoch);

    [LoggerMessage(1206, LogLevel.Information, "{Progress}")]
    public static partial void MigrationProgress(ILogger logger, string progress);

    [LoggerMessage(1210, LogLevel.Debug, "SQLite {Pragma} took {Elapsed}")]
    public static partial void SqliteOptimized(ILogger logger, string pragma, TimeSpan elapsed);

    [LoggerMessage(1211, LogLevel.Warning, "SQLite {Pragma} failed; the query planner keeps its current statistics")]
    public static partial void SqliteOptimizeFailed(ILogger logger, Exception exception, string pragma);
}
