using System.Text;

namespace Monitor.Worker.Cli;

/// <summary>The <c>--output</c> file of <c>export</c> and <c>report</c>: UTF-8 without BOM, replaced if it exists.</summary>
internal static class OutputFile
{
    /// <summary>Opens the file, or returns null with a one-line reason (missing folder, no permission, a folder at the path).</summary>
    public static StreamWriter? TryCreate(FileInfo file, out string? error)
    {
        try
        {
            error = null;
            return new StreamWriter(file.FullName, append: false, new UTF8Encoding(false));
        }
        catch (DirectoryNotFoundException)
        {
            error = $"Cannot write --output {file.FullName}: the folder {file.DirectoryName} does not exist.";
        }
        catch (UnauthorizedAccessException)
        {
            error = Directory.Exists(file.FullName)
                ? $"Cannot write --output {file.FullName}: it is a folder."
                : $"Cannot write --output {file.FullName}: permission denied (is the file or its folder read-only?).";
        }
        catch (IOException ex)
        {
            error = $"Cannot write --output {file.FullName}: {ex.Message}";
        }

        return null;
    }
}
