using Microsoft.Extensions.Hosting;
using Monitor.Worker.Cli;

namespace Monitor.Worker.Tests.Cli;

/// <summary>Runs the real command line in-process and captures what it writes.</summary>
internal static class CliRunner
{
    /// <param name="args">The command line.</param>
    /// <param name="configureHost">Changes to the host the command builds.</param>
    /// <param name="outputIsTerminal">Run as if standard output were a terminal (ANSI styles allowed unless NO_COLOR is set).</param>
    public static async Task<CliResult> RunAsync(string[] args, Action<HostApplicationBuilder>? configureHost = null, bool outputIsTerminal = false)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await MonitorCli.InvokeAsync(args, new CliContext(output, error, configureHost) { OutputIsTerminal = outputIsTerminal });
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
