using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Sqlite;
using Monitor.Testing;

namespace Monitor.Core.Tests.Storage;

/// <summary><see cref="StorageAccess.ReadOnly"/>: what read-only commands get from the SQLite store.</summary>
public sealed class SqliteReadOnlyTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly TempSqliteFile file = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenReadOnly_MissingFile_NamesTheFullPathAndCreatesNothing()
    {
        using var services = ReadOnly();

        var error = await Assert.ThrowsAsync<StoreNotReadyException>(() => services.GetRequiredService<IStorageLifecycle>().OpenReadOnlyAsync(Ct));

        Assert.StartsWith($"The SQLite database {file.Path} does not exist", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.GetDirectoryName(file.Path)));
    }

    [Fact]
    public async Task OpenReadOnly_OlderSchema_NamesTheVersionAndLeavesItAlone()
    {
        await CreateAsync();
        await ExecuteAsync("PRAGMA user_version = 1;");
        using var services = ReadOnly();

        var error = await Assert.ThrowsAsync<StoreNotReadyException>(() => services.GetRequiredService<IStorageLifecycle>().OpenReadOnlyAsync(Ct));

        Assert.Contains($"has schema version 1; this Monitor reads version {SqliteSchema.LatestVersion}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'accounts sync'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await ExecuteAsync("PRAGMA user_version;"));
    }

    [Fact]
    public async Task ReadOnly_ReadsWorkAndWritesAreRefusedBySqlite()
    {
        await CreateAsync();
        using var services = ReadOnly();
        await services.GetRequiredService<IStorageLifecycle>().OpenReadOnlyAsync(Ct);
        var accounts = services.GetRequiredService<IAccountStore>();

        var listed = await accounts.ListAccountsAsync(Ct);
        var activity = await services.GetRequiredService<IActivityQueries>().QueryActivityAsync(new ActivityWindow(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), Ct);
        var write = await Assert.ThrowsAsync<SqliteException>(() => accounts.SyncAccountsAsync([Account("other")], Now, Ct));

        Assert.Equal("gbr-1", Assert.Single(listed).Account.Id);
        Assert.Single(activity);
        Assert.Equal(8, write.SqliteErrorCode); // SQLITE_READONLY
        await Assert.ThrowsAsync<InvalidOperationException>(() => services.GetRequiredService<IStorageLifecycle>().InitializeAsync(Ct));
    }

    private ServiceProvider ReadOnly() =>
        MonitorTestServices.Build(file.Settings(), configure: services => services.AddSingleton(StorageAccess.ReadOnly));

    private async Task CreateAsync()
    {
        using var services = MonitorTestServices.Build(file.Settings());
        await services.GetRequiredService<IStorageLifecycle>().InitializeAsync(Ct);
        await services.GetRequiredService<IAccountStore>().SyncAccountsAsync([Account("gbr-1")], Now, Ct);
    }

    private async Task<object?> ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    private static TrackedAccount Account(string id) => new(id, Platforms.Rss, $"https://example.org/{id}.xml", "GBR", ActorType.Embassy);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        file.Dispose();
    }
}
