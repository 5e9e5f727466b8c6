using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.Extensions.Hosting;
using Monitor.Worker.Hosting;

namespace Monitor.Worker.Cli;

/// <summary>The command line: <c>run</c> (default), <c>ingest</c>, <c>export</c>, <c>accounts</c>, <c>report</c>.</summary>
internal static class MonitorCli
{
    public static Task<int> InvokeAsync(string[] args) => InvokeAsync(args, new CliContext(Console.Out, Console.Error) { OutputIsTerminal = !Console.IsOutputRedirected });

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
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction parseError)
        {
            // An argument error is its own line on standard error; the help text is for --help, on standard output.
            parseError.ShowHelp = false;
            parseError.ShowTypoCorrections = true;
        }

        return parseResult.InvokeAsync(configuration);
    }

    /// <summary>Each command's help says that unmatched trailing arguments are settings.</summary>
    private static void MentionSettings(Command command)
    {
        if (command.Subcommands.Count == 0)
        {
            command.Description += " Trailing --Section:Key=value arguments are settings (e.g. --Monitor:Storage:Sqlite:Path=/tmp/m.db).";
        }

        foreach (var subcommand in command.Subcommands)
        {
            MentionSettings(subcommand);
        }
    }

    public static RootCommand Build(CliContext context)
    {
        var root = new RootCommand(
            "Monitor: tracks how diplomatic accounts post across platforms. Without a command it runs the service. "
            + "Trailing --Section:Key=value arguments are settings (e.g. --Monitor:Storage:Sqlite:Path=/tmp/m.db); "
            + "exit codes: 0 ok, 1 configuration/arguments/store, 2 some polls failed, 3 unknown --account, 130 interrupted.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var run = new Command("run", "Run the monitor as a long-running service (the default).") { TreatUnmatchedTokensAsErrors = false };
        run.SetAction((parseResult, _) => CommandHost.RunAsync(parseResult, context, (_, _) => Task.FromResult(0), HostMode.Service));
        root.SetAction((parseResult, _) => CommandHost.RunAsync(parseResult, context, (_, _) => Task.FromResult(0), HostMode.Service));

        root.Subcommands.Add(run);
        root.Subcommands.Add(IngestCommand.Create(context));
        root.Subcommands.Add(ExportCommand.Create(context));
        root.Subcommands.Add(SearchCommand.Create(context));
        root.Subcommands.Add(AccountsCommand.Create(context));
        root.Subcommands.Add(ReportCommand.Create(context));
        root.Subcommands.Add(HealthcheckCommand.Create(context));
        root.Subcommands.Add(ArchiveCommand.Create(context));
        foreach (var command in root.Subcommands)
        {
            MentionSettings(command);
        }

        return root;
    }
}
