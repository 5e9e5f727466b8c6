using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Storage.Sqlite;
using Monitor.Worker.Hosting;

namespace Monitor.Worker.Tests.Hosting;

public sealed class ServiceDataDirectoryTests
{
    [Fact]
    public void Find_WindowsService_IsProgramDataMonitor() =>
        Assert.Equal(
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Monitor"),
            ServiceDataDirectory.Find(windowsService: true, systemd: false, _ => null));

    [Theory]
    [InlineData("/var/lib/monitor", "/var/lib/monitor")]
    [InlineData("/srv/state/monitor:/var/lib/other", "/srv/state/monitor")]
    [InlineData(null, "/var/lib/monitor")]
    public void Find_Systemd_IsTheUnitsStateDirectory(string? stateDirectory, string expected) =>
        Assert.Equal(expected, ServiceDataDirectory.Find(windowsService: false, systemd: true,
            name => name == "STATE_DIRECTORY" ? stateDirectory : null));

    [Fact]
    public void Find_Console_IsNone() =>
        Assert.Null(ServiceDataDirectory.Find(windowsService: false, systemd: false, _ => "/var/lib/monitor"));

    [Theory]
    [InlineData("data/monitor.db", "/var/lib/monitor/data/monitor.db")]
    [InlineData("monitor.db", "/var/lib/monitor/monitor.db")]
    [InlineData("/srv/monitor.db", "/srv/monitor.db")]
    public void UseDataDirectory_RelativeSqlitePathResolvesAgainstIt(string configured, string expected)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix paths");
        var services = new ServiceCollection();
        services.Configure<SqliteOptions>(options => options.Path = configured);
        MonitorHostBuilder.UseDataDirectory(services, "/var/lib/monitor");

        using var provider = services.BuildServiceProvider();

        Assert.Equal(expected, provider.GetRequiredService<IOptions<SqliteOptions>>().Value.Path);
    }

    [Theory]
    [InlineData("data/archive", "/var/lib/monitor/data/archive")]
    [InlineData("/srv/warc", "/srv/warc")]
    public void UseDataDirectory_RelativeArchivePathResolvesAgainstIt(string configured, string expected)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "Unix paths");
        var services = new ServiceCollection();
        services.Configure<Monitor.Core.Archive.ArchiveOptions>(options => options.Path = configured);
        MonitorHostBuilder.UseDataDirectory(services, "/var/lib/monitor");

        using var provider = services.BuildServiceProvider();

        Assert.Equal(expected, provider.GetRequiredService<IOptions<Monitor.Core.Archive.ArchiveOptions>>().Value.Path);
    }
}
