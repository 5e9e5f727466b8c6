using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Worker.Tests.Cli;

/// <summary>
/// Only <c>run</c>, <c>ingest</c> and <c>accounts sync</c> write the account list and the schema; <c>export</c>,
/// <c>report</c> and <c>accounts list</c> open the store read-only, so they can run beside a live service.
/// </summary>
public sealed class ReadOnlyCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("monitor-readonly-").FullName;

    private string Database => Path.Combine(directory, "monitor.db");

    public static TheoryData<string[]> ReadOnlyCommands => new()
    {
        new[] { "export", "posts" },
        new[] { "export", "snapshots", "--format", "csv" },
        new[] { "report", "activity" },
        new[] { "report", "presence", "--format", "json" },
        new[] { "report", "mentions", "--format", "graphml" },
        new[] { "report", "hashtags", "--per", "country", "--top", "3" },
        new[] { "accounts", "list" },
    };

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public async Task ReadOnlyCommand_DatabaseMissing_ExitsOneNamingTheFullPathAndCreatesNothing(string[] command)
    {
        var missing = Path.Combine(directory, "typo", "monitr.db");

        var result = await CliRunner.RunAsync([.. command, $"--Monitor:Storage:Sqlite:Path={missing}", $"--Monitor:AccountsFile={WriteList("a")}"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"The SQLite database {missing} does not exist", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
        Assert.False(Directory.Exists(Path.GetDirectoryName(missing)));
    }

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public async Task ReadOnlyCommand_NeverSyncsItsOwnAccountList(string[] command)
    {
        var service = WriteList("service", "gbr-1", "fra-1");
        var other = WriteList("other", "deu-1");
        Assert.Equal(0, (await RunAsync(service, "accounts", "sync")).ExitCode);

        var readOnly = await RunAsync(other, command);
        var listed = await RunAsync(service, "accounts", "list");

        Assert.Equal(0, readOnly.ExitCode);
        Assert.Contains("gbr-1", listed.Output, StringComparison.Ordinal);
        Assert.Contains("fra-1", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("deu-1", listed.Output, StringComparison.Ordinal);
        Assert.Contains("2 accounts (2 enabled).", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccountsSync_WritesTheListAndDisablesRemovedAccounts()
    {
        var first = await RunAsync(WriteList("first", "gbr-1", "fra-1"), "accounts", "sync");
        var second = await RunAsync(WriteList("second", "gbr-1"), "accounts", "sync");
        var listed = await RunAsync(WriteList("unused", "xyz-1"), "accounts", "list");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("Synced: 2 enabled accounts, 0 disabled", first.Output, StringComparison.Ordinal);
        Assert.Contains("Synced: 1 enabled account, 1 disabled", second.Output, StringComparison.Ordinal);
        Assert.Contains("2 accounts (1 enabled).", listed.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public async Task ReadOnlyCommand_OlderSchema_ExitsOneNamingTheVersionAndTheMigratingCommandAndChangesNothing(string[] command)
    {
        var list = WriteList("service", "gbr-1");
        Assert.Equal(0, (await RunAsync(list, "accounts", "sync")).ExitCode);
        SetSchemaVersion(1);

        var result = await RunAsync(list, command);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"The SQLite database {Database} has schema version 1", result.Error, StringComparison.Ordinal);
        Assert.Contains("'accounts sync'", result.Error, StringComparison.Ordinal);
        Assert.Equal(1, ReadSchemaVersion());

        Assert.Equal(0, (await RunAsync(list, "accounts", "sync")).ExitCode);
        Assert.Equal(0, (await RunAsync(list, command)).ExitCode);
    }

    [Theory]
    [MemberData(nameof(ReadOnlyCommands))]
    public async Task ReadOnlyCommand_OpensTheStoreReadOnlyAndNeverInitializesIt(string[] command)
    {
        var list = WriteList("service", "gbr-1");
        Assert.Equal(0, (await RunAsync(list, "accounts", "sync")).ExitCode);
        var lifecycle = new RecordingLifecycle();

        var result = await CliRunner.RunAsync(
            [.. command, $"--Monitor:AccountsFile={list}", $"--Monitor:Storage:Sqlite:Path={Database}"],
            builder => builder.Services.Replace(ServiceDescriptor.Singleton<IStorageLifecycle>(lifecycle)));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not ready (recorded)", result.Error, StringComparison.Ordinal);
        Assert.Equal((1, 0), (lifecycle.ReadOnlyOpens, lifecycle.Initializations));
    }

    [Fact]
    public async Task ReadOnlyCommand_RegistersReadOnlyStorageAccess()
    {
        var list = WriteList("service", "gbr-1");
        Assert.Equal(0, (await RunAsync(list, "accounts", "sync")).ExitCode);
        bool? readOnly = null;

        var result = await CliRunner.RunAsync(
            ["accounts", "list", $"--Monitor:AccountsFile={list}", $"--Monitor:Storage:Sqlite:Path={Database}"],
            builder => builder.Services.AddHostedService(provider =>
                new ProbeService(() => readOnly = provider.GetRequiredService<SqliteDatabase>().IsReadOnly)));

        Assert.Equal(0, result.ExitCode);
        Assert.True(readOnly);
    }

    private Task<CliResult> RunAsync(string accountsFile, params string[] args) => CliRunner.RunAsync(
        [.. args, $"--Monitor:AccountsFile={accountsFile}", $"--Monitor:Storage:Sqlite:Path={Database}"]);

    private string WriteList(string name, params string[] ids)
    {
        var file = Path.Combine(directory, name + ".csv");
        File.WriteAllLines(file, ["id,platform,handle,country,actor", .. ids.Select(id => $"{id},rss,https://example.org/{id}.xml,GBR,Embassy")]);
        return file;
    }

    private void SetSchemaVersion(int version)
    {
        using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {version};";
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }

    private int ReadSchemaVersion()
    {
        using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    private sealed class RecordingLifecycle : IStorageLifecycle
    {
        public int Initializations { get; private set; }

        public int ReadOnlyOpens { get; private set; }

        public Task InitializeAsync(CancellationToken cancellationToken)
        {
            Initializations++;
            return Task.CompletedTask;
        }

        public Task OpenReadOnlyAsync(CancellationToken cancellationToken)
        {
            ReadOnlyOpens++;
            throw new StoreNotReadyException("not ready (recorded)");
        }

        public Task<string?> CheckHealthAsync(CancellationToken cancellationToken) => Task.FromResult<string?>(null);
    }

    private sealed class ProbeService(Action probe) : Microsoft.Extensions.Hosting.IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            probe();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
