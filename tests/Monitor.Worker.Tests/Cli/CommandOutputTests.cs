using System.Net;
using System.Net.Sockets;
using Monitor.Worker.Tests.Faults;

namespace Monitor.Worker.Tests.Cli;

/// <summary>What an operator reads: one line per problem, the root cause kept, no stack traces, no help text on errors.</summary>
public sealed class CommandOutputTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("monitor-output-").FullName;

    [Fact]
    public async Task Ingest_UnreachableHost_PrintsOneLinePerFailedAccountWithTheRootCauseAndNoStackTrace()
    {
        var port = ClosedPort();
        var list = WriteList(Enumerable.Range(1, 3).Select(i => $"acc-{i},rss,http://127.0.0.1:{port}/feed-{i}.xml,GBR,Embassy").ToArray());

        // The real process: logs go to its standard error through the console logger and its filter rules.
        using var worker = WorkerProcess.Start(
            "ingest", "--once", "--wide", $"--Monitor:AccountsFile={list}", $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "m.db")}",
            "--Monitor:Http:Resilience:RetryBaseDelay=00:00:00.010", "--Monitor:Http:Resilience:RetryMaxDelay=00:00:00.020",
            "--Monitor:Http:Resilience:MaxRetryAttempts=3", "--Monitor:Http:Resilience:BreakerMinimumThroughput=2");
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var lines = Lines(worker.Output);
        Assert.Equal(2, exitCode);
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        Assert.All(Enumerable.Range(1, 3), i => Assert.Single(lines, line => line.Contains($"Poll of acc-{i} ", StringComparison.Ordinal)));
        // Each failed account: its warning on standard error and its row of the summary table.
        Assert.Equal(6, lines.Count(line => line.Contains("host rested after repeated failures: HttpRequestException: Connection refused", StringComparison.Ordinal)));
        Assert.Contains("3 accounts polled, 3 failed", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_TwoInvalidSettingsInTwoSections_PrintsEachOnceWithoutStackTraceAndExitsOne()
    {
        using var worker = WorkerProcess.Start(
            "run", "--Monitor:Polling:MaxConcurrency=0", "--Monitor:Http:Resilience:MaxRetryAttempts=99",
            $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "m.db")}", "--Monitor:Web:Enabled=false");
        var exitCode = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));

        var lines = Lines(worker.Output);
        Assert.Equal(1, exitCode);
        Assert.Single(lines, line => line.Contains("Monitor:Polling:MaxConcurrency", StringComparison.Ordinal));
        Assert.Single(lines, line => line.Contains("Monitor:Http:Resilience:MaxRetryAttempts", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_TwoInvalidSettingsInTwoSections_PrintsEachOnceAndNoException()
    {
        var result = await CliRunner.RunAsync(
        [
            "ingest", "--once", "--Monitor:Polling:MaxConcurrency=0", "--Monitor:Http:Resilience:MaxRetryAttempts=99",
            $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "m.db")}",
        ]);

        Assert.Equal(1, result.ExitCode);
        Assert.Single(Lines(result.Error), line => line.StartsWith("Monitor:Polling:MaxConcurrency: ", StringComparison.Ordinal));
        Assert.Single(Lines(result.Error), line => line.StartsWith("Monitor:Http:Resilience:MaxRetryAttempts: ", StringComparison.Ordinal));
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Ingest_DatabasePathIsAFolder_NamesTheFullPathAndTheReason()
    {
        var folder = Directory.CreateDirectory(Path.Combine(directory, "db-folder")).FullName;

        var result = await CliRunner.RunAsync(["ingest", "--once", $"--Monitor:Storage:Sqlite:Path={folder}", $"--Monitor:AccountsFile={WriteList()}"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"The SQLite database {folder} could not be opened: the path is a folder, not a file", Lines(result.Error).Single());
    }

    [Theory]
    [InlineData("missing-folder/out.csv", "does not exist")]
    [InlineData("", "it is a folder")]
    public async Task Export_OutputCannotBeWritten_IsOneErrorLineAndExitOne(string relative, string reason)
    {
        var database = await SyncedDatabaseAsync();
        var target = Path.Combine(directory, relative);

        var result = await CliRunner.RunAsync(["export", "posts", "--output", target, $"--Monitor:Storage:Sqlite:Path={database}"]);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(Lines(result.Error));
        Assert.StartsWith($"Cannot write --output {Path.GetFullPath(target)}", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "export", "posts", "--format", "xml" }, "--format must be jsonl or csv (got 'xml').")]
    [InlineData(new[] { "report", "activity", "--format", "xml" }, "--format must be table, csv, json, html, markdown or graphml (got 'xml').")]
    [InlineData(new[] { "report", "hashtags", "--format", "graphml" }, "--format graphml is for the mentions network; hashtags takes table, csv or json.")]
    [InlineData(new[] { "report", "links", "--per", "planet" }, "--per must be all, account or country (got 'planet').")]
    [InlineData(new[] { "export", "tweets" }, "what must be posts, snapshots, versions or deletions (got 'tweets').")]
    [InlineData(new[] { "report", "activity", "--from", "yesterday" }, "--from 'yesterday' is not a date (yyyy-MM-dd, UTC) or an ISO 8601 time (2026-11-01T09:30:00Z).")]
    [InlineData(new[] { "export", "posts", "--to", "yesterday" }, "--to 'yesterday' is not a date (yyyy-MM-dd, UTC) or an ISO 8601 time (2026-11-01T09:30:00Z).")]
    [InlineData(new[] { "export", "posts", "--from", "2026-11-05", "--to", "2026-11-01" }, "--from 2026-11-05 is after --to 2026-11-01: the window is empty.")]
    [InlineData(new[] { "report", "activity", "--from", "2026-11-05", "--to", "2026-11-01" }, "--from 2026-11-05 is after --to 2026-11-01: the window is empty.")]
    public async Task ArgumentError_IsOneLineOnStandardErrorWithTheFixAndNoHelp(string[] args, string message)
    {
        var result = await CliRunner.RunAsync(args);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(message, Assert.Single(Lines(result.Error)));
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Help_GoesToStandardOutputAndMentionsSettings()
    {
        var result = await CliRunner.RunAsync(["export", "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Trailing --Section:Key=value arguments are settings", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task Export_AccountTheStoreDoesNotHave_ExitsThree()
    {
        var database = await SyncedDatabaseAsync();

        var result = await CliRunner.RunAsync(["export", "posts", "--account", "nope", $"--Monitor:Storage:Sqlite:Path={database}"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Unknown account 'nope'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountsList_FitsOneHundredTwentyColumnsUnlessWide()
    {
        var handle = "https://example.org/" + new string('x', 150) + ".xml";
        var list = WriteList($"a-very-long-account-identifier-of-an-embassy,rss,{handle},GBR,Ambassador");
        var database = await SyncedDatabaseAsync(list);

        var narrow = await CliRunner.RunAsync(["accounts", "list", $"--Monitor:Storage:Sqlite:Path={database}"]);
        var wide = await CliRunner.RunAsync(["accounts", "list", "--wide", $"--Monitor:Storage:Sqlite:Path={database}"]);

        Assert.All(Lines(narrow.Output), line => Assert.InRange(line.Length, 0, 120));
        Assert.DoesNotContain(handle, narrow.Output, StringComparison.Ordinal);
        Assert.Contains(handle, wide.Output, StringComparison.Ordinal);
        Assert.Contains("1 account (1 enabled).", narrow.Output, StringComparison.Ordinal);
    }

    private async Task<string> SyncedDatabaseAsync(string? list = null)
    {
        var database = Path.Combine(directory, "synced.db");
        var sync = await CliRunner.RunAsync(["accounts", "sync", $"--Monitor:AccountsFile={list ?? WriteList()}", $"--Monitor:Storage:Sqlite:Path={database}"]);
        Assert.Equal(0, sync.ExitCode);
        return database;
    }

    private string WriteList(params string[] rows)
    {
        var file = Path.Combine(directory, $"accounts-{Guid.NewGuid():n}.csv");
        File.WriteAllLines(file, ["id,platform,handle,country,actor", .. rows.Length == 0 ? ["gbr-1,rss,https://example.org/a.xml,GBR,Embassy"] : rows]);
        return file;
    }

    private static string[] Lines(string text) => text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
