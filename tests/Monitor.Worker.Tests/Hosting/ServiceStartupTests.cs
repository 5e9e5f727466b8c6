using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Testing;
using Monitor.Worker.Hosting;

namespace Monitor.Worker.Tests.Hosting;

public sealed class ServiceStartupTests
{
    [Fact]
    public async Task Service_StoreUnreachableAtStart_KeepsRunningAndReportsTheStoreNotTheSecret()
    {
        var port = ClosedPort();
        var builder = MonitorHostBuilder.Create(
        [
            "--Monitor:Storage:Provider=Mongo",
            $"--Monitor:Storage:Mongo:ConnectionString=mongodb://monitor:s3cret-pass@127.0.0.1:{port}",
            "--Monitor:Storage:Mongo:ServerSelectionTimeout=00:00:00.200",
            "--Monitor:Polling:CycleInterval=01:00:00",
            "--Monitor:Web:Enabled=false",
        ], HostMode.Service, b => b.Services.AddFakeLogging());
        using var host = builder.Build();

        await host.StartAsync(TestContext.Current.CancellationToken);
        var initializer = host.Services.GetRequiredService<StoreInitializer>();
        var logs = host.Services.GetFakeLogCollector();
        await host.StopAsync(TestContext.Current.CancellationToken);

        Assert.False(initializer.IsInitialized);
        Assert.Contains(logs.GetSnapshot(), r => r.Id.Id == 1301 && r.Message.Contains("polling waits and retries", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.GetSnapshot(), r => r.Message.Contains("s3cret-pass", StringComparison.Ordinal)
            || (r.Exception?.ToString().Contains("s3cret-pass", StringComparison.Ordinal) ?? false));
    }

    [Fact]
    public async Task Service_UnknownMonitorKey_WarnsWithTheNearestKnownKey()
    {
        var directory = Directory.CreateTempSubdirectory("monitor-settings-").FullName;
        try
        {
            var builder = MonitorHostBuilder.Create(
            [
                $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "m.db")}",
                "--Monitor:Polling:MinInval=00:10:00",
                "--Monitor:Polling:CycleInterval=01:00:00",
                "--Monitor:Web:Enabled=false",
            ], HostMode.Service, b => b.Services.AddFakeLogging());
            using (var host = builder.Build())
            {
                await host.StartAsync(TestContext.Current.CancellationToken);
                var logs = host.Services.GetFakeLogCollector();
                await host.StopAsync(TestContext.Current.CancellationToken);

                var warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Id == 1400);
                Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, warning.Level);
                Assert.Contains("Monitor:Polling:MinInval: not a known setting; did you mean Monitor:Polling:MinInterval?", warning.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
