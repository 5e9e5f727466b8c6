using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>The embedded SQLite store (<c>Monitor:Storage:Sqlite</c>).</summary>
public sealed class SqliteOptions
{
    public const string SectionPath = "Monitor:Storage:Sqlite";

    /// <summary>Database file; relative paths are resolved against the working directory. Default <c>data/monitor.db</c>.</summary>
    [Required]
    public string Path { get; set; } = System.IO.Path.Combine("data", "monitor.db");

    /// <summary>How long a write waits for another process's lock before failing. Default 30 s; 0 to 10 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often a writing process runs <c>PRAGMA optimize</c> (also once on open and once at stop). Default 4 h;
    /// 0 (only on open and at stop) to 7 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan OptimizeInterval { get; set; } = TimeSpan.FromHours(4);
}
