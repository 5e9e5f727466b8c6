using Microsoft.Data.Sqlite;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Storage;

/// <summary>Migration 10 (the accounts' platform creation date) on a database one version older: the column is added empty, accounts are kept.</summary>
public sealed class SqlitePlatformCreatedMigrationTests : IDisposable
{
    private const int SchemaBeforePlatformCreated = 9;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly TempSqliteFile file = new();

    [Fact]
    public async Task Migrate_FromVersion9_AddsAnEmptyPlatformCreatedAtAndKeepsTheAccounts()
    {
        await using (var connection = await OpenAsync())
        {
            await SqliteSchema.MigrateAsync(connection, Ct, upTo: SchemaBeforePlatformCreated);
            Assert.Equal((long)SchemaBeforePlatformCreated, await ScalarAsync(connection, "PRAGMA user_version;"));
            Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM pragma_table_info('accounts') WHERE name = 'platform_created_at';"));
            await ExecuteAsync(connection, "INSERT INTO accounts (id, platform, handle, country, actor, enabled) VALUES ('a', 'x', 'h', 'FRA', 'embassy', 1);");
        }

        await using (var connection = await OpenAsync())
        {
            Assert.Equal(SchemaBeforePlatformCreated, await SqliteSchema.MigrateAsync(connection, Ct));
            Assert.Equal((long)SqliteSchema.LatestVersion, await ScalarAsync(connection, "PRAGMA user_version;"));
            Assert.Equal(1L, await ScalarAsync(connection, "SELECT count(*) FROM accounts WHERE id = 'a' AND platform_created_at IS NULL;"));
        }
    }

    public void Dispose() => file.Dispose();

    private async Task<SqliteConnection> OpenAsync()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file.Path)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file.Path, Pooling = false }.ToString());
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(Ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(Ct);
    }
}
