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
internal sealed partial class SqliteStore(SqliteDatabase database, SqliteOptimizer optimizer, ILogger<SqliteStore> logger)
    : IAccountStore, IPollResultStore, IRecordReader, IStorageLifecycle
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        int found;
        try
        {
            await using var connection = await database.OpenOrCreateAsync(cancellationToken);
            found = await SqliteSchema.MigrateAsync(connection, cancellationToken);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreNotReadyException($"The SQLite database {database.FilePath} could not be opened: {Describe(ex)}", ex);
        }

        if (found < SqliteSchema.LatestVersion)
        {
            Log.SqliteMigrated(logger, found, SqliteSchema.LatestVersion);
        }

        Log.SqliteReady(logger, database.FilePath, SqliteSchema.LatestVersion);
        await optimizer.StoreOpenedAsync(cancellationToken);
    }

    public async Task OpenReadOnlyAsync(CancellationToken cancellationToken)
    {
        var path = database.FilePath;
        if (!File.Exists(path))
        {
            throw new StoreNotReadyException(
                $"The SQLite database {path} does not exist (check Monitor:Storage:Sqlite:Path; 'run', 'ingest' or 'accounts sync' create it).");
        }

        int version;
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA user_version;";
            version = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException ex)
        {
            throw new StoreNotReadyException($"The SQLite database {path} could not be opened: {Describe(ex)}", ex);
        }

        if (version < SqliteSchema.LatestVersion)
        {
            throw new StoreNotReadyException(
                $"The SQLite database {path} has schema version {version}; this Monitor reads version {SqliteSchema.LatestVersion}. "
                + "Read-only commands never migrate: run 'accounts sync' (or 'run' / 'ingest') to migrate it.");
        }

        if (version > SqliteSchema.LatestVersion)
        {
            throw new StoreNotReadyException(
                $"The SQLite database {path} has schema version {version}, newer than this Monitor understands ({SqliteSchema.LatestVersion}). Upgrade Monitor.");
        }
    }

    /// <summary>What SQLite's numbered errors mean for the operator (https://sqlite.org/rescode.html).</summary>
    private string Describe(Exception exception) => exception switch
    {
        SqliteException { SqliteErrorCode: 14 } when Directory.Exists(database.FilePath) => "the path is a folder, not a file",
        SqliteException { SqliteErrorCode: 14 } => "the file cannot be opened or created (does its folder exist, and may this user write there?)",
        SqliteException { SqliteErrorCode: 8 } => "the file or its folder is read-only for this user",
        SqliteException { SqliteErrorCode: 26 } => "the file is not an SQLite database",
        _ => exception.Message,
    };

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
