using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.WindowsServices;
using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using Monitor.Worker.Hosting;

namespace Monitor.Worker.Cli;

/// <summary>Runs a one-shot command inside a started host, turning start-up failures into a clear message and exit code.</summary>
internal static class CommandHost
{
    public static async Task<int> RunAsync(
        ParseResult parseResult,
        CliContext context,
        Func<IServiceProvider, CancellationToken, Task<int>> command,
        HostMode mode = HostMode.Command)
    {
        var error = context.Error;
        if (!ConfigurationOverrides.TryCollect(parseResult.UnmatchedTokens, out var configurationArgs, out var argumentError))
        {
            await error.WriteLineAsync(argumentError);
            return ExitCodes.StartupFailed;
        }

        IHost? host = null;
        try
        {
            host = MonitorHostBuilder.Create(configurationArgs, mode, context.ConfigureHost).Build();
            if (mode == HostMode.Service)
            {
                await host.RunAsync();
                return ExitCodes.Success;
            }

            await host.StartAsync();
            var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
            try
            {
                return await command(host.Services, lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                await error.WriteLineAsync("Interrupted.");
                return ExitCodes.Cancelled;
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } problems)
        {
            // A Windows service has no console: its problems go to the event log instead of standard error.
            var logger = mode == HostMode.Service && WindowsServiceHelpers.IsWindowsService()
                ? host?.Services.GetService<ILoggerFactory>()?.CreateLogger("Monitor.Worker.Startup")
                : null;
            foreach (var problem in problems)
            {
                if (logger is not null)
                {
                    Log.StartupFailed(logger, problem);
                }
                else
                {
                    await error.WriteLineAsync(problem);
                }
            }

            return ExitCodes.StartupFailed;
        }
        finally
        {
            if (host is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}

/// <summary>Where a command writes, and an optional hook to adjust the host (end-to-end tests add a fake clock).</summary>
internal sealed record CliContext(TextWriter Output, TextWriter Error, Action<HostApplicationBuilder>? ConfigureHost = null)
{
    /// <summary>True when <see cref="Output"/> is a terminal (not redirected): tables may use ANSI styles.</summary>
    public bool OutputIsTerminal { get; init; }
}
