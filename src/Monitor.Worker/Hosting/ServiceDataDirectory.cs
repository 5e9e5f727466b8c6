using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Hosting.WindowsServices;

namespace Monitor.Worker.Hosting;

/// <summary>
/// Where a service keeps its data. A Windows service starts in <c>C:\Windows\System32</c> and a systemd unit in
/// <c>/</c> unless told otherwise, so a relative SQLite path must not resolve against the working directory there:
/// under the service control manager it resolves against <c>%ProgramData%\Monitor</c>, under systemd against the
/// unit's <c>StateDirectory=</c> (<c>$STATE_DIRECTORY</c>, <c>/var/lib/monitor</c> for the shipped unit). In a console
/// (and in containers) relative paths keep resolving against the current directory, and the accounts file against
/// the application folder, as before.
/// </summary>
internal static class ServiceDataDirectory
{
    /// <summary>The data directory of the service manager this process runs under, or null in a console.</summary>
    public static string? Find() => Find(
        WindowsServiceHelpers.IsWindowsService(), SystemdHelpers.IsSystemdService(), Environment.GetEnvironmentVariable);

    /// <summary>The same decision from its inputs (tests give them).</summary>
    public static string? Find(bool windowsService, bool systemd, Func<string, string?> environment)
    {
        if (windowsService)
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Monitor");
        }

        if (systemd)
        {
            // systemd sets STATE_DIRECTORY to the absolute StateDirectory= paths, colon-separated (systemd.exec(5)).
            var state = environment("STATE_DIRECTORY")?.Split(':', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return state ?? Path.Combine("/var/lib", "monitor");
        }

        return null;
    }

    /// <summary>A configured data path: relative ones resolve against <paramref name="dataDirectory"/>, absolute ones stay.</summary>
    public static string Resolve(string path, string dataDirectory) =>
        Path.IsPathFullyQualified(path) ? path : Path.GetFullPath(path, dataDirectory);
}
