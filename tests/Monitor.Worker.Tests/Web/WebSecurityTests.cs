using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Worker.Cli;
using Monitor.Worker.Hosting;
using Monitor.Worker.Tests.Cli;
using Monitor.Testing;
using Monitor.Worker.Web;

namespace Monitor.Worker.Tests.Web;

/// <summary>The refusal to listen beyond loopback anonymously, and which hosts carry the endpoint at all.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class WebSecurityTests
{
    [Fact]
    public async Task Run_BoundBeyondLoopbackWithoutKey_RefusesToStartNamingTheSetting()
    {
        var directory = Directory.CreateTempSubdirectory("monitor-web-").FullName;

        // Refused before binding: nothing ever listens on the wildcard address.
        var result = await CliRunner.RunAsync(
        [
            "run",
            "--Kestrel:Endpoints:Http:Url=http://0.0.0.0:0",
            "--Monitor:AccountsFile=",
            $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "monitor.db")}",
        ]);

        Assert.Equal(ExitCodes.StartupFailed, result.ExitCode);
        Assert.Contains("Monitor:Web:ApiKey: required when the endpoint listens beyond loopback (http://0.0.0.0:0)", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true, false)]
    [InlineData(true, false, false)]
    [InlineData(true, true, true)]
    public void Create_ModeAndSetting_HostsTheEndpointOnlyForTheEnabledService(bool service, bool enabled, bool hosted)
    {
        var mode = service ? HostMode.Service : HostMode.Command;
        using var built = MonitorHostBuilder.Create([$"Monitor:Web:Enabled={enabled}", "Monitor:AccountsFile="], mode).Build();

        Assert.Equal(hosted, built.Services.GetService<WebEndpointService>() is not null);
    }

    [Fact]
    public async Task Run_AddressInUse_StartupFailedNamingTheAddress()
    {
        await using var occupied = await LoopbackServer.StartAsync(_ => Task.CompletedTask);
        var directory = Directory.CreateTempSubdirectory("monitor-web-").FullName;
        var url = occupied.BaseUrl.GetLeftPart(UriPartial.Authority);

        var result = await CliRunner.RunAsync(
        [
            "run",
            $"--Kestrel:Endpoints:Http:Url={url}",
            "--Monitor:AccountsFile=",
            $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "monitor.db")}",
        ]);

        Assert.Equal(ExitCodes.StartupFailed, result.ExitCode);
        Assert.Contains($"Monitor:Web: Failed to bind to address {url}", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthcheckCommand_NothingListening_Exit1()
    {
        var result = await CliRunner.RunAsync(["healthcheck", "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:1"]);

        Assert.Equal(ExitCodes.StartupFailed, result.ExitCode);
        Assert.StartsWith("/readyz: ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "http://127.0.0.1:5080/readyz")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/readyz")]
    [InlineData("http://*:8080;https://*:8443", "http://127.0.0.1:8080/readyz")]
    [InlineData("https://127.0.0.1:8443;http://localhost:9000", "http://localhost:9000/readyz")]
    [InlineData("http://127.0.0.1:0", null)]
    public void ProbeUrl_Urls_FirstHttpAddressOnThisMachine(string? urls, string? expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Urls"] = urls }).Build();

        Assert.Equal(expected, WebAddresses.ProbeUrl(configuration, "/readyz")?.ToString());
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.0.0.2:0", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://monitor.example:5080", false)]
    [InlineData("http://unix:/run/monitor.sock", true)]
    public void IsLoopback_Url_TrueOnlyForThisMachine(string url, bool loopback) =>
        Assert.Equal(loopback, WebAddresses.IsLoopback(url));
}
