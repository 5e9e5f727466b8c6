using System.CommandLine;
using Monitor.Worker.Hosting;
using Monitor.Worker.Web;

namespace Monitor.Worker.Cli;

/// <summary>
/// <c>healthcheck</c>: asks the running service's status endpoint (default <c>/readyz</c>) and exits 0 when it answers
/// 200, else 1. For container HEALTHCHECKs: the runtime image has no curl. Reads the same settings as the service.
/// </summary>
internal static class HealthcheckCommand
{
    public static Command Create(CliContext context)
    {
        var path = new Option<string>("--path") { Description = "/readyz (default: store, scheduler, recent cycle) or /healthz (process alive).", DefaultValueFactory = _ => "/readyz" };
        var command = new Command("healthcheck", "Probe the running service's status endpoint; exit 0 if healthy.") { path };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parseResult, ct) =>
        {
            if (!ConfigurationOverrides.TryCollect(parseResult.UnmatchedTokens, out var configurationArgs, out var error))
            {
                await context.Error.WriteLineAsync(error);
                return ExitCodes.StartupFailed;
            }

            var configuration = MonitorHostBuilder.Create(configurationArgs, HostMode.Command).Configuration;
            if (WebAddresses.ProbeUrl(configuration, parseResult.GetValue(path)!) is not { } url)
            {
                await context.Error.WriteLineAsync("No http address with a fixed port is configured for the status endpoint (Urls / Kestrel:Endpoints).");
                return ExitCodes.StartupFailed;
            }

            // A one-off probe of our own endpoint, not a platform call: no named client or resilience pipeline.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(url, ct);
                await context.Output.WriteLineAsync($"{url.AbsolutePath}: HTTP {(int)response.StatusCode}");
                return response.IsSuccessStatusCode ? ExitCodes.Success : ExitCodes.StartupFailed;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await context.Error.WriteLineAsync($"{url.AbsolutePath}: {ex.Message}");
                return ExitCodes.StartupFailed;
            }
        });
        return command;
    }
}
