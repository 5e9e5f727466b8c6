using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "MongoDB store ready: database {Database} on {Hosts}, snapshots in a {SnapshotsKind} collection")]
    public static partial void MongoInitialized(ILogger logger, string database, string hosts, string snapshotsKind);

    [LoggerMessage(3001, LogLevel.Warning, "MongoDB on {Hosts} does not support time-series collections ({Reason}); snapshots use a regular collection")]
    public static partial void MongoTimeSeriesUnsupported(ILogger logger, string hosts, string reason);

    [LoggerMessage(3002, LogLevel.Error, "MongoDB on {Hosts} (database {Database}) is unavailable: {Reason}")]
    public static partial void MongoUnavailable(ILogger logger, string hosts, string database, string reason);

    [LoggerMessage(3003, LogLevel.Debug, "Another worker inserted {Count} of the {Collection} documents being upserted; retrying them as updates")]
    public static partial void MongoDuplicateKeyRace(ILogger logger, string collection, int count);

    [LoggerMessage(3004, LogLevel.Information, "Snapshot of {AccountId} at {CapturedAt:O} was already stored; not written again")]
    public static partial void MongoSnapshotAlreadyStored(ILogger logger, string accountId, DateTimeOffset capturedAt);
}
