using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Export;
using Monitor.Core.Storage;
using Monitor.Worker.Hosting;

namespace Monitor.Worker.Cli;

/// <summary><c>export posts|snapshots|versions|deletions --format jsonl|csv [--output FILE] [--from DATE] [--to DATE] [--account ID]</c>; reads only.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var what = new Argument<string>("what") { Description = "posts, snapshots, versions or deletions" }.Only("posts", "snapshots", "versions", "deletions");
        var format = new Option<string>("--format") { Description = "jsonl (default) or csv", DefaultValueFactory = _ => "jsonl" }.Only("jsonl", "csv");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var from = DateArgument.From("From this date/time (UTC), inclusive.");
        var to = DateArgument.To("Up to this date (whole day, inclusive) or time (exclusive).");
        var account = new Option<string?>("--account") { Description = "Only this account id (exit code 3 if the store has none)." };
        var command = new Command("export", "Export stored posts, snapshots, post versions or deletion episodes as JSON Lines or CSV (reads the store only).")
        {
            what, format, output, from, to, account,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, _) =>
        {
            if (DateArgument.CheckOrder(parseResult, from, to) is { } windowError)
            {
                context.Error.WriteLine(windowError);
                return Task.FromResult(ExitCodes.StartupFailed);
            }

            return CommandHost.RunAsync(parseResult, context, async (services, ct) =>
            {
                var accountId = parseResult.GetValue(account);
                if (accountId is not null && !await StoredAccounts.ContainsAsync(services, accountId, ct))
                {
                    await context.Error.WriteLineAsync($"Unknown account '{accountId}': the store has no account with that id.");
                    return ExitCodes.UnknownAccount;
                }

                var file = parseResult.GetValue(output);
                StreamWriter? fileWriter = null;
                if (file is not null && (fileWriter = OutputFile.TryCreate(file, out var fileError)) is null)
                {
                    await context.Error.WriteLineAsync(fileError);
                    return ExitCodes.StartupFailed;
                }

                await using (fileWriter)
                {
                    var reader = services.GetRequiredService<IRecordReader>();
                    var filter = new RecordFilter(parseResult.GetValue(from), parseResult.GetValue(to), accountId);
                    var exportFormat = parseResult.GetValue(format) == "csv" ? ExportFormat.Csv : ExportFormat.JsonLines;
                    var writer = (TextWriter?)fileWriter ?? context.Output;
                    var count = parseResult.GetValue(what) switch
                    {
                        "snapshots" => await RecordExporter.WriteSnapshotsAsync(reader.ReadSnapshotsAsync(filter, ct), exportFormat, writer, ct),
                        "versions" => await HistoryExporter.WriteVersionsAsync(reader.ReadVersionsAsync(filter, ct), exportFormat, writer, ct),
                        "deletions" => await HistoryExporter.WriteDeletionsAsync(await DeletionRowReader.ReadAsync(reader, filter, ct), exportFormat, writer, ct),
                        _ => await RecordExporter.WritePostsAsync(reader.ReadPostsAsync(filter, ct), exportFormat, writer, ct),
                    };
                    if (file is not null)
                    {
                        await context.Error.WriteLineAsync($"Exported {count} {parseResult.GetValue(what)} to {file.FullName}.");
                    }
                }

                return ExitCodes.Success;
            }, HostMode.ReadOnlyCommand);
        });
        return command;
    }
}
