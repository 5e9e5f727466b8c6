using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Monitor.Core.Polling;
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
        catch (OptionsValidationException ex)
        {
            await error.WriteLineAsync("Invalid configuration:");
            foreach (var failure in ex.Failures)
            {
                await error.WriteLineAsync("  " + failure);
            }

            return ExitCodes.StartupFailed;
        }
        catch (AccountListException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitCodes.StartupFailed;
        }
        catch (StoreUnavailableException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ExitCodes.StartupFailed;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            // Binding errors name the key: "Failed to convert configuration value at 'Monitor:Polling:MinInterval' ..."
            await error.WriteLineAsync("Invalid configuration: " + ex.Message);
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
