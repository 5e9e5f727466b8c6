using System.CommandLine;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Export;
using Monitor.Core.Storage;

namespace Monitor.Worker.Cli;

/// <summary><c>export posts|snapshots --format jsonl|csv [--output FILE] [--from DATE] [--to DATE] [--account ID]</c>.</summary>
internal static class ExportCommand
{
    public static Command Create(CliContext context)
    {
        var what = new Argument<string>("what") { Description = "posts or snapshots" };
        what.AcceptOnlyFromAmong("posts", "snapshots");
        var format = new Option<string>("--format") { Description = "jsonl (default) or csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var from = new Option<DateTimeOffset?>("--from") { Description = "From this date/time (UTC), inclusive.", CustomParser = DateArgument.ParseFrom };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Up to this date (whole day, inclusive) or time (exclusive).", CustomParser = DateArgument.ParseTo };
        var account = new Option<string?>("--account") { Description = "Only this account id." };
        var command = new Command("export", "Export stored posts or snapshots as JSON Lines or CSV.") { what, format, output, from, to, account };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, _) => CommandHost.RunAsync(parseResult, context, async (services, ct) =>
        {
            var reader = services.GetRequiredService<IRecordReader>();
            var filter = new RecordFilter(parseResult.GetValue(from), parseResult.GetValue(to), parseResult.GetValue(account));
            var exportFormat = parseResult.GetValue(format) == "csv" ? ExportFormat.Csv : ExportFormat.JsonLines;
            var file = parseResult.GetValue(output);
            await using var fileWriter = file is null ? null : new StreamWriter(file.FullName, append: false, new UTF8Encoding(false));
            var writer = (TextWriter?)fileWriter ?? context.Output;
            var count = parseResult.GetValue(what) == "snapshots"
                ? await RecordExporter.WriteSnapshotsAsync(reader.ReadSnapshotsAsync(filter, ct), exportFormat, writer, ct)
                : await RecordExporter.WritePostsAsync(reader.ReadPostsAsync(filter, ct), exportFormat, writer, ct);
            if (file is not null)
            {
                await context.Error.WriteLineAsync($"Exported {count} {parseResult.GetValue(what)} to {file.FullName}.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
