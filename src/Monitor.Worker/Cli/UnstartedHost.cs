using System.CommandLine;
using Microsoft.Extensions.Options;
using Monitor.Worker.Hosting;

namespace Monitor.Worker.Cli;

/// <summary>
/// Runs a command that needs Monitor's services but neither the store nor the account list (<c>accounts import</c>,
/// <c>accounts discover</c>): the host is built, not started. A bad setting is reported on one line naming its key.
/// </summary>
internal static class UnstartedHost
{
    public static async Task<int> RunAsync(
        ParseResult parseResult, CliContext context, CancellationToken cancellationToken, Func<IServiceProvider, CancellationToken, Task<int>> command)
    {
        if (!ConfigurationOverrides.TryCollect(parseResult.UnmatchedTokens, out var configurationArgs, out var argumentError))
        {
            await context.Error.WriteLineAsync(argumentError);
            return ExitCodes.StartupFailed;
        }

        try
        {
            using var host = MonitorHostBuilder.Create(configurationArgs, HostMode.Command, context.ConfigureHost).Build();
            return await command(host.Services, cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            await context.Error.WriteLineAsync("Invalid configuration: " + string.Join("; ", ex.Failures));
            return ExitCodes.StartupFailed;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
        {
            await context.Error.WriteLineAsync("Invalid configuration: " + ex.Message);
            return ExitCodes.StartupFailed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("Interrupted.");
            return ExitCodes.Cancelled;
        }
    }

    /// <summary>Splits <c>A,B, C</c> into trimmed, non-empty items.</summary>
    public static string[] SplitList(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
