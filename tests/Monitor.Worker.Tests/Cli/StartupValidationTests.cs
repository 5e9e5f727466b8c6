namespace Monitor.Worker.Tests.Cli;

public sealed class StartupValidationTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("monitor-startup-").FullName;

    public static TheoryData<string, string> BadSettings => new()
    {
        { "--Monitor:Polling:MinInterval=00:00:01", "Monitor:Polling:MinInterval" },
        { "--Monitor:Polling:MaxConcurrency=0", "Monitor:Polling:MaxConcurrency" },
        { "--Monitor:Http:Resilience:MaxRetryAttempts=99", "Monitor:Http:Resilience:MaxRetryAttempts" },
        { "--Monitor:Polling:DefaultInterval=2.00:00:00", "Monitor:Polling:DefaultInterval" },
        { "--Monitor:Polling:MinInterval=not-a-time", "Monitor:Polling:MinInterval" },
        { "--Monitor:Storage:Provider=Oracle", "Monitor:Storage:Provider" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task Ingest_InvalidSetting_FailsStartupNamingTheKey(string setting, string key)
    {
        var result = await CliRunner.RunAsync(
            ["ingest", "--once", setting, $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "m.db")}"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(key, result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(directory, "m.db")), "nothing may be written when start-up is refused");
    }

    [Fact]
    public async Task AccountsValidate_BadCsv_ListsEveryBadLineWithFileAndLine()
    {
        var file = Path.Combine(directory, "accounts.csv");
        await File.WriteAllLinesAsync(file,
        [
            "id,platform,handle,country,actor,name,language,enabled",
            "ok-1,rss,https://example.org/feed.xml,GBR,ForeignMinistry,Good,en,true",
            "bad-platform,myspace,someone,GBR,Embassy,,,",
            "ok-1,rss,https://example.org/other.xml,FRA,Embassy,,,",
            "no-handle,rss,,DEU,Embassy,,,",
            "bad-country,rss,https://example.org/x.xml,XXX,Embassy,,,",
            "bad-actor,rss,https://example.org/y.xml,ITA,Spy,,,",
            "bad-enabled,rss,https://example.org/z.xml,ITA,Embassy,,,maybe",
        ], TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(["accounts", "validate", $"--Monitor:AccountsFile={file}"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{file}:3: unknown platform 'myspace'", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{file}:4: duplicate id 'ok-1' (first defined at {file}:2)", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{file}:5: missing handle", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{file}:6: invalid country code 'XXX'", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{file}:7: unknown actor 'Spy'", result.Output, StringComparison.Ordinal);
        Assert.Contains($"{file}:8: enabled 'maybe' must be true or false", result.Output, StringComparison.Ordinal);
        Assert.Contains("6 problem(s) found; 1 valid account.", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_InvalidAccountList_RefusesToStartListingAllErrors()
    {
        var file = Path.Combine(directory, "accounts.csv");
        await File.WriteAllLinesAsync(file,
        [
            "id,platform,handle,country,actor",
            "a,rss,ftp://example.org/feed,GBR,Embassy",
            "b,rss,https://example.org/feed,GB,Embassy",
        ], TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(
            ["ingest", "--once", $"--Monitor:AccountsFile={file}", $"--Monitor:Storage:Sqlite:Path={Path.Combine(directory, "m.db")}"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("The account list is invalid (2 error(s))", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{file}:2: handle 'ftp://example.org/feed'", result.Error, StringComparison.Ordinal);
        Assert.Contains($"{file}:3: invalid country code 'GB'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StarterAccountList_IsValid()
    {
        var result = await CliRunner.RunAsync(["accounts", "validate"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("OK: ", result.Output.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownArgument_IsRejectedWithHint()
    {
        var result = await CliRunner.RunAsync(["accounts", "validate", "--acount", "x"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Unrecognized argument '--acount'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountsValidate_UnknownKey_IsAnErrorWithTheNearestKnownKey()
    {
        var result = await CliRunner.RunAsync(["accounts", "validate", "--Monitor:Polling:MinInval=00:10:00"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Monitor:Polling:MinInval: not a known setting; did you mean Monitor:Polling:MinInterval?", result.Output, StringComparison.Ordinal);
        Assert.Contains("1 problem(s) found", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Monitor:Polling:MaxConcurrency=0", "Monitor:Polling:MaxConcurrency: ")]
    [InlineData("--Monitor:Web:ApiKey=short", "Monitor:Web:ApiKey")]
    [InlineData("--Monitor:Storage:Mongo:Database=bad/name", "Monitor:Storage:Mongo:Database")]
    [InlineData("--Monitor:Polling:MinInterval=not-a-time", "Monitor:Polling:MinInterval")]
    public async Task AccountsValidate_ChecksEverySetting(string setting, string key)
    {
        var result = await CliRunner.RunAsync(["accounts", "validate", setting, "--Monitor:Storage:Provider=Mongo"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(key, result.Output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);
}
