using Microsoft.Extensions.Hosting;
using Monitor.Worker.Cli;

namespace Monitor.Worker.Tests.Cli;

/// <summary>Runs the real command line in-process and captures what it writes.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(string[] args, Action<HostApplicationBuilder>? configureHost = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MonitorCli.InvokeAsync(args, new CliContext(output, error, configureHost));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
