using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Monitor.Core.Archive;

namespace Monitor.Worker.Cli;

/// <summary>
/// <c>archive verify</c> (re-reads every record: Content-Length and both digests; exit 2 on findings) and
/// <c>archive list</c> (which files and records hold an account's captures). Neither needs the store.
/// </summary>
internal static class ArchiveCommand
{
    public static Command Create(CliContext context)
    {
        var verifyPath = PathOption();
        var verify = new Command("verify", "Re-read every archived record and check its Content-Length and digests; exit 2 if any is bad.")
        {
            verifyPath,
        };
        verify.TreatUnmatchedTokensAsErrors = false;
        verify.SetAction((parseResult, _) => RunAsync(parseResult, context, verifyPath, folder => VerifyAsync(folder, context)));

        var listPath = PathOption();
        var account = new Option<string?>("--account") { Description = "Only this account's records (one line per record)." };
        var list = new Command("list", "List archive files, or with --account the records holding that account's captures.") { listPath, account };
        list.TreatUnmatchedTokensAsErrors = false;
        list.SetAction((parseResult, _) => RunAsync(parseResult, context, listPath, folder => ListAsync(folder, parseResult.GetValue(account), context)));

        return new Command("archive", "Inspect the raw capture archive (Monitor:Archive).") { verify, list };
    }

    private static Option<string?> PathOption() =>
        new("--path") { Description = "Archive folder; default Monitor:Archive:Path." };

    private static async Task<int> RunAsync(ParseResult parseResult, CliContext context, Option<string?> path, Func<string, Task<int>> command)
    {
        if (!ConfigurationOverrides.TryCollect(parseResult.UnmatchedTokens, out var configurationArgs, out var error))
        {
            await context.Error.WriteLineAsync(error);
            return ExitCodes.StartupFailed;
        }

        var folder = parseResult.GetValue(path);
        if (folder is null)
        {
            var configuration = Hosting.MonitorHostBuilder.Create(configurationArgs, Hosting.HostMode.Command, context.ConfigureHost).Configuration;
            var options = configuration.GetSection(ArchiveOptions.SectionPath).Get<ArchiveOptions>() ?? new ArchiveOptions();
            folder = options.ResolvedPath();
        }

        if (!Directory.Exists(folder))
        {
            await context.Error.WriteLineAsync($"Archive folder {Path.GetFullPath(folder)} does not exist.");
            return ExitCodes.StartupFailed;
        }

        return await command(folder);
    }

    private static async Task<int> VerifyAsync(string folder, CliContext context)
    {
        var records = 0;
        var bad = 0;
        foreach (var entry in ArchiveFolder.Files(folder).SelectMany(WarcFileReader.Read))
        {
            records++;
            if (entry.Problem is not null)
            {
                bad++;
                await context.Output.WriteLineAsync($"{entry.File} @{entry.Offset}: {entry.Problem}");
            }
        }

        await context.Output.WriteLineAsync($"{records} records, {bad} bad");
        return bad > 0 ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static async Task<int> ListAsync(string folder, string? accountId, CliContext context)
    {
        if (accountId is null)
        {
            TextTable.Write(context.Output, [new("file"), new("bytes", RightAligned: true), new("records", RightAligned: true), new("accounts", Shrinks: true)], ArchiveFolder.Files(folder).Select(file =>
            {
                var entries = WarcFileReader.Read(file).ToArray();
                var accounts = entries.Select(e => e.Record?[HttpExchangeRecords.AccountField]).OfType<string>().Distinct().Count();
                return new[] { Path.GetFileName(file), Number(new FileInfo(file).Length), Number(entries.Length), Number(accounts) };
            }));
            return ExitCodes.Success;
        }

        var rows = ArchiveFolder.Files(folder)
            .SelectMany(WarcFileReader.Read)
            .Where(entry => entry.Record?[HttpExchangeRecords.AccountField] == accountId)
            .Select(entry => new[]
            {
                entry.File, Number(entry.Offset), entry.Record!.Type, entry.Record["WARC-Date"] ?? string.Empty, entry.Record.Id,
                entry.Record["WARC-Target-URI"] ?? string.Empty,
            })
            .ToArray();
        TextTable.Write(context.Output, [new("file"), new("offset", RightAligned: true), new("type"), new("date"), new("recordId"), new("uri", Shrinks: true)], rows, wide: true);
        await context.Output.WriteLineAsync($"{rows.Length} records of {accountId}.");
        return ExitCodes.Success;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
