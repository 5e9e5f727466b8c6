using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode holding accounts, posts and snapshots. One instance serves all
/// storage ports; its parts live in <c>SqliteStore.*.cs</c> (accounts and leases, poll writes, export reads).
/// Several processes may share the file: writes take the file's write lock (<c>BEGIN IMMEDIATE</c>) and wait for
/// each other up to <see cref="SqliteOptions.BusyTimeout"/>.
/// </summary>
internal sealed partial class SqliteStore(SqliteDatabase database, ILogger<SqliteStore> logger)
    : IAccountStore, IPollResultStore, IRecordReader, IStorageLifecycle
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenOrCreateAsync(cancellationToken);
        var found = await SqliteSchema.MigrateAsync(connection, cancellationToken);
        if (found < SqliteSchema.LatestVersion)
        {
            Log.SqliteMigrated(logger, found, SqliteSchema.LatestVersion);
        }

        Log.SqliteReady(logger, database.FilePath, SqliteSchema.LatestVersion);
    }

    public async Task<string?> CheckHealthAsync(CancellationToken cancellationToken)
    {
        var reason = await FindProblemAsync(cancellationToken);
        if (reason is not null)
        {
            Log.StoreUnhealthy(logger, reason);
        }

        return reason;
    }

    private async Task<string?> FindProblemAsync(CancellationToken cancellationToken)
    {
        var path = database.FilePath;
        if (!File.Exists(path))
        {
            return $"The SQLite database file {path} does not exist.";
        }

        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1;";
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            return $"The SQLite database {path} does not answer: {ex.Message}";
        }

        try
        {
            // Opening for writing checks permissions and read-only mounts without changing the file.
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return $"The SQLite database file {path} is not writable: {ex.Message}";
        }

        return null;
    }
}
