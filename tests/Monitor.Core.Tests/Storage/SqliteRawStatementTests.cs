using Microsoft.Data.Sqlite;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Storage;

public sealed class SqliteRawStatementTests : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public SqliteRawStatementTests()
    {
        connection.Open();
        using var create = connection.CreateCommand();
        create.CommandText = "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, at INTEGER, flag INTEGER, n INTEGER);";
        create.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("Élysée 外交部 😀 Министерство")]
    [InlineData("before\0after")]
    public void Set_Text_IsStoredWhole(string text)
    {
        // Longer than the statement's first buffer too, and bound again after a longer value.
        var longer = string.Concat(Enumerable.Repeat(text + "·", 700));
        using (var insert = SqliteRawStatement.Prepare(connection, "INSERT INTO t (name) VALUES ($name);"))
        {
            insert.Set("$name", longer);
            insert.Execute();
            insert.Set("$name", text);
            insert.Execute();
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT name, typeof(name), length(CAST(name AS BLOB)) FROM t ORDER BY id;";
        using var rows = read.ExecuteReader();
        Assert.True(rows.Read());
        Assert.Equal(longer, rows.GetString(0));
        Assert.True(rows.Read());
        Assert.Equal("text", rows.GetString(1));
        Assert.Equal(text, rows.GetString(0));
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(text), rows.GetInt64(2));
    }

    [Fact]
    public void Execute_BindsEachValueAsTheCommandsDo_AndKeepsBindingsForTheNextRow()
    {
        using (var insert = SqliteRawStatement.Prepare(connection, "INSERT INTO t (name, at, flag, n) VALUES ($name, $at, $flag, $n);"))
        {
            insert.Set("$name", "a");
            insert.Set("$at", DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123));
            insert.Set("$flag", true);
            insert.Set("$n", 7);
            Assert.Equal(1, insert.Execute());
            insert.Set("$name", "b");
            insert.Set("$n", null);
            Assert.Equal(1, insert.Execute());
        }

        using var read = connection.CreateCommand();
        read.CommandText = "SELECT group_concat(name || ':' || at || ':' || flag || ':' || coalesce(n, 'null'), ' ') FROM (SELECT * FROM t ORDER BY id);";
        Assert.Equal("a:1700000000123:1:7 b:1700000000123:1:null", read.ExecuteScalar());
    }

    [Fact]
    public void Execute_ConstraintFailure_ThrowsSqliteExceptionAndTheStatementRunsAgain()
    {
        using var insert = SqliteRawStatement.Prepare(connection, "INSERT INTO t (name) VALUES ($name);");
        insert.Set("$name", "a");
        insert.Execute();

        var error = Assert.Throws<SqliteException>(() => insert.Execute());
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        insert.Set("$name", "b");
        Assert.Equal(1, insert.Execute());
    }

    [Fact]
    public void Set_UnknownParameterOrUnsupportedType_ThrowsNamingIt()
    {
        using var insert = SqliteRawStatement.Prepare(connection, "INSERT INTO t (name) VALUES ($name);");
        Assert.Contains("$other", Assert.Throws<ArgumentException>(() => insert.Set("$other", "x")).Message);
        Assert.Contains("Double", Assert.Throws<ArgumentException>(() => insert.Set("$name", 1.5)).Message);
    }
}
