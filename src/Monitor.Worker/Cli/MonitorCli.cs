using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Monitor.Worker.Hosting;

namespace Monitor.Worker.Cli;

/// <summary>The command line: <c>run</c> (default), <c>ingest</c>, <c>export</c>, <c>accounts</c>, <c>report</c>.</summary>
internal static class MonitorCli
{
    public static Task<int> InvokeAsync(string[] args) => InvokeAsync(args, new CliContext(Console.Out, Console.Error));

    public static Task<int> InvokeAsync(string[] args, CliContext context)
    {
        var root = Build(context);
        var configuration = new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            // The host handles SIGTERM/Ctrl+C itself (graceful shutdown within Monitor:ShutdownTimeout).
            ProcessTerminationTimeout = null,
        };
        return root.Parse(args).InvokeAsync(configuration);
    }

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(
            "Monitor: tracks how diplomatic accounts post across platforms. Without a command it runs the service. "
            + "Any setting can follow a command as --Section:Key=value.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var run = new Command("run", "Run the monitor as a long-running service (the default).") { TreatUnmatchedTokensAsErrors = false };
        run.SetAction((parseResult, _) => CommandHost.RunAsync(parseResult, context, (_, _) => Task.FromResult(0), HostMode.Service));
        root.SetAction((parseResult, _) => CommandHost.RunAsync(parseResult, context, (_, _) => Task.FromResult(0), HostMode.Service));

        root.Subcommands.Add(run);
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(AccountsCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(HealthcheckCommand.Create(context));
        root.Subcommands.Add(ArchiveCommand.Create(context));
        return root;
    }
}
