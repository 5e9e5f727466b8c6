namespace Monitor.Core.Archive;

/// <summary>The <c>.warc.gz</c> files of an archive folder, oldest first (their names start with the UTC time).</summary>
public static class ArchiveFolder
{
    public static IReadOnlyList<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.warc.gz").Order(StringComparer.Ordinal).ToArray()
            : [];
}
