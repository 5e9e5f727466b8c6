using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
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
            foreach (var problem in problems)
            {
                await error.WriteLineAsync(problem);
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
internal sealed record CliContext(TextWriter Output, TextWriter Error, Action<HostApplicationBuilder>? ConfigureHost = null);
