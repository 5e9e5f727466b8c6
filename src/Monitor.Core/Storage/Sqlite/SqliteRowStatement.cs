using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// One write statement prepared once on the connection's handle (SQLitePCLRaw, the library under Microsoft.Data.Sqlite)
/// and run once per row with its parameters bound by position, for the per-post statements of a poll. A
/// <see cref="SqliteCommand"/> looks every parameter up by name (<c>sqlite3_bind_parameter_index</c>) and builds a data
/// reader at each execution, which cost about three times the native insert (bench/BENCHMARKS.md, "The write path of
/// a first poll"). Values map as <see cref="SqliteCommandExtensions.Bind"/> maps them (times as Unix milliseconds).
/// The statement runs in whatever transaction the connection has open; it must be disposed before the connection.
/// </summary>
internal sealed class SqliteRowStatement : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);

    public SqliteRowStatement(SqliteConnection connection, string sql)
    {
        this.connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        for (var i = 1; i <= raw.sqlite3_bind_parameter_count(statement); i++)
        {
            positions[raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string()] = i;
        }
    }

    /// <summary>Binds <paramref name="value"/> to the parameter <paramref name="name"/> (with its <c>$</c>); it stays bound for later runs.</summary>
    public void Set(string name, object? value)
    {
        if (!positions.TryGetValue(name, out var i))
        {
            throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
        }

        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, i),
            string text => raw.sqlite3_bind_text(statement, i, text),
            long number => raw.sqlite3_bind_int64(statement, i, number),
            int number => raw.sqlite3_bind_int64(statement, i, number),
            bool flag => raw.sqlite3_bind_int64(statement, i, flag ? 1 : 0),
            DateTimeOffset time => raw.sqlite3_bind_int64(statement, i, time.ToUnixMs()),
            _ => throw new ArgumentException($"{name}: values of type {value.GetType().Name} are not bound here.", nameof(value)),
        };
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    /// <summary>Runs the statement once and returns the number of rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        if (rc is not (raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        return raw.sqlite3_changes(connection.Handle);
    }

    public void Dispose() => statement.Dispose();
}
