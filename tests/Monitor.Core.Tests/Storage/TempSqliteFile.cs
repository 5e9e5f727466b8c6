using Microsoft.Data.Sqlite;

namespace Monitor.Core.Tests.Storage;

/// <summary>A database path in a new temporary directory, deleted (with its WAL files) on dispose.</summary>
internal sealed class TempSqliteFile : IDisposable
{
    private readonly string directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "monitor-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The database file, inside a directory that does not exist yet (the store creates it).</summary>
    public string Path => System.IO.Path.Combine(directory, "data", "monitor.db");

    public Dictionary<string, string?> Settings() => new()
    {
        ["Monitor:Storage:Provider"] = "Sqlite",
        ["Monitor:Storage:Sqlite:Path"] = Path,
        ["Monitor:Storage:Sqlite:BusyTimeout"] = "00:00:30",
    };

    public void Dispose()
    {
        // Pooled connections keep the file open; close them so the directory can go.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
