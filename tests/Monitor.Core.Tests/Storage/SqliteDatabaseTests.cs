using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Storage;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly TempSqliteFile file = new();

    public void Dispose() => file.Dispose();

    [Fact]
    public async Task Open_PooledAndNewHandles_AllCarryThePragmas()
    {
        var database = new SqliteDatabase(Options.Create(new SqliteOptions { Path = file.Path, BusyTimeout = TimeSpan.FromMilliseconds(12_345) }));
        await using (var created = await database.OpenOrCreateAsync(CancellationToken.None))
        {
            AssertPragmas(created);
        }

        SQLitePCL.sqlite3 first;
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            first = connection.Handle!;
            AssertPragmas(connection);
        }

        // The pool hands the same handle back: its pragmas are still set, though they are not set again.
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            Assert.Same(first, connection.Handle);
            AssertPragmas(connection);
        }

        // A new physical connection gets them too.
        SqliteConnection.ClearAllPools();
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            Assert.NotSame(first, connection.Handle);
            AssertPragmas(connection);
        }

        await using var write = await database.BeginWriteAsync(CancellationToken.None);
        AssertPragmas(write.Connection, write.Transaction);
    }

    private static void AssertPragmas(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        Assert.Equal(12_345L, Pragma(connection, transaction, "busy_timeout"));
        Assert.Equal(1L, Pragma(connection, transaction, "foreign_keys"));
        Assert.Equal(1L, Pragma(connection, transaction, "synchronous")); // NORMAL
    }

    private static long Pragma(SqliteConnection connection, SqliteTransaction? transaction, string name)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
