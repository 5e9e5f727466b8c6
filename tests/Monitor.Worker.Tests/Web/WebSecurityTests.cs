using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Worker.Cli;
using Monitor.Worker.Hosting;
using Monitor.Worker.Tests.Cli;
using Monitor.Worker.Web;

namespace Monitor.Worker.Tests.Web;

/// <summary>The API key, the refusal to listen beyond loopback anonymously, and which hosts carry the endpoint at all.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class WebSecurityTests
{
    private const string Key = "test-key-0123456789abcdef";

    [Theory]
    [InlineData("api/accounts", null, HttpStatusCode.Unauthorized)]
    [InlineData("api/accounts", "header", HttpStatusCode.OK)]
    [InlineData("api/accounts", "query", HttpStatusCode.OK)]
    [InlineData("api/accounts", "wrong", HttpStatusCode.Unauthorized)]
    [InlineData("", null, HttpStatusCode.Unauthorized)]
    [InlineData("metrics", null, HttpStatusCode.Unauthorized)]
    [InlineData("healthz", null, HttpStatusCode.OK)]
    [InlineData("readyz", null, HttpStatusCode.OK)]
    [InlineData("static/app.js", null, HttpStatusCode.OK)]
    public async Task ApiKeySet_Request_OnlyProbesAndAssetsAreOpen(string path, string? presented, HttpStatusCode expected)
    {
        await using var host = await SeededWorkerHost.StartAsync($"Monitor:Web:ApiKey={Key}");
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, presented == "query" ? $"{path}?apiKey={Key}" : path);
        if (presented is "header" or "wrong")
        {
            request.Headers.Add("X-Api-Key", presented == "header" ? Key : Key + "x");
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
    }

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
