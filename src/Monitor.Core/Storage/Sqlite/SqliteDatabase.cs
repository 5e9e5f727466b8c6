using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// The database file and how connections to it are opened. Connections are pooled by Microsoft.Data.Sqlite; every
/// physical connection gets the per-connection pragmas when first opened. Writes of one process go through
/// <see cref="WriteGate"/> so they queue without blocking threads; writers of other processes are waited for by
/// SQLite's busy handler.
/// </summary>
internal sealed class SqliteDatabase
{
    private readonly string connectionString;
    private readonly string createConnectionString;
    private readonly string pragmas;

    private static readonly object Configured = new();

    /// <summary>The handles (physical connections) the pragmas were set on; entries go with their handles.</summary>
    private readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> configured = new();

    public SqliteDatabase(IOptions<SqliteOptions> options, StorageAccess? access = null)
    {
        var settings = options.Value;
        FilePath = ResolvePath(settings.Path);
        IsReadOnly = access?.IsReadOnly ?? false;
        var timeoutSeconds = (int)Math.Max(1, Math.Ceiling(settings.BusyTimeout.TotalSeconds));

        // After initialization the file must exist: ReadWrite (not ReadWriteCreate) makes a vanished file an error
        // instead of silently starting an empty database. Read-only commands never write, so SQLite enforces it.
        connectionString = Build(IsReadOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWrite, timeoutSeconds);
        createConnectionString = Build(SqliteOpenMode.ReadWriteCreate, timeoutSeconds);

        // synchronous=NORMAL is corruption-safe in WAL mode (https://sqlite.org/wal.html#performance_considerations):
        // a power loss may roll back the last commits, and since a poll's posts and cursor commit together the next
        // poll fetches them again.
        pragmas = string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)settings.BusyTimeout.TotalMilliseconds}; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
    }

    /// <summary>Absolute path of the database file.</summary>
    public string FilePath { get; }

    /// <summary>True when connections open with <c>Mode=ReadOnly</c> (<see cref="StorageAccess.ReadOnly"/>).</summary>
    public bool IsReadOnly { get; }

    /// <summary>Serializes this process's write transactions.</summary>
    public SemaphoreSlim WriteGate { get; } = new(1, 1);

    /// <summary>Resolves a configured path against the current directory.</summary>
    public static string ResolvePath(string path) => Path.GetFullPath(path, Environment.CurrentDirectory);

    /// <summary>Opens a pooled connection to the existing database file.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) =>
        OpenAsync(connectionString, cancellationToken);

    /// <summary>Opens a connection that creates the file (and its directory) when missing.</summary>
    public Task<SqliteConnection> OpenOrCreateAsync(CancellationToken cancellationToken)
    {
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"The SQLite database {FilePath} is open read-only; it is not created or migrated.");
        }

        var directory = Path.GetDirectoryName(FilePath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return OpenAsync(createConnectionString, cancellationToken);
    }

    /// <summary>Waits for the process-wide write gate, then starts an IMMEDIATE transaction (the file's write lock).</summary>
    public async Task<WriteScope> BeginWriteAsync(CancellationToken cancellationToken)
    {
        await WriteGate.WaitAsync(cancellationToken);
        SqliteConnection? connection = null;
        try
        {
            connection = await OpenAsync(cancellationToken);
            var transaction = connection.BeginTransaction(deferred: false);
            return new WriteScope(connection, transaction, WriteGate);
        }
        catch
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            WriteGate.Release();
            throw;
        }
    }

    private async Task<SqliteConnection> OpenAsync(string connection, CancellationToken cancellationToken)
    {
        var sqlite = new SqliteConnection(connection);
        try
        {
            await sqlite.OpenAsync(cancellationToken);

            // The pragmas belong to the SQLite handle, which the pool keeps open between uses: set them once per handle.
            if (!configured.TryGetValue(sqlite.Handle!, out _))
            {
                await sqlite.ExecuteAsync(pragmas, cancellationToken);
                configured.AddOrUpdate(sqlite.Handle!, Configured);
            }

            return sqlite;
        }
        catch
        {
            await sqlite.DisposeAsync();
            throw;
        }
    }

    private string Build(SqliteOpenMode mode, int timeoutSeconds) => new SqliteConnectionStringBuilder
    {
        DataSource = FilePath,
        Mode = mode,
        Cache = SqliteCacheMode.Private,
        Pooling = true,
        DefaultTimeout = timeoutSeconds,
    }.ToString();
}
