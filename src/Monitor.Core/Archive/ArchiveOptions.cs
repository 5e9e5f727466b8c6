using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Archive;

/// <summary>The raw capture archive (<c>Monitor:Archive</c>): every HTTP exchange of a poll as WARC/1.1 records.</summary>
public sealed class ArchiveOptions
{
    public const string SectionPath = "Monitor:Archive";

    /// <summary>Writes the archive. Default false.</summary>
    public bool Enabled { get; set; }

    /// <summary>Folder of the <c>.warc.gz</c> files; relative paths resolve against the working directory. Default <c>data/archive</c>.</summary>
    [Required]
    public string Path { get; set; } = "data/archive";

    /// <summary>A file is closed and the next one started before it would grow past this. Default 1 GiB; 1 MiB to 1 TiB.</summary>
    [Range(1024L * 1024, 1024L * 1024 * 1024 * 1024)]
    public long MaxFileBytes { get; set; } = 1024L * 1024 * 1024;

    /// <summary>The archive folder as an absolute path.</summary>
    public string ResolvedPath() => System.IO.Path.GetFullPath(Path, Environment.CurrentDirectory);
}
