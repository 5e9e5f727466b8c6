using System.Buffers.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// A statement prepared on an open <see cref="SqliteConnection"/> and stepped through SQLitePCLRaw, the library under
/// Microsoft.Data.Sqlite, for report reads of many rows: <c>SqliteDataReader</c> checks each column's type and state
/// per call, which costs more than the SQL itself over a year's posts (bench/BENCHMARKS.md). It runs in whatever
/// transaction the connection has open. Columns are read by ordinal; a failed step throws <see cref="SqliteException"/>.
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;

    public SqliteRawStatement(SqliteConnection connection, string sql)
    {
        this.connection = connection;
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
    }

    public SqliteRawStatement Bind(string name, long value)
    {
        Check(raw.sqlite3_bind_int64(statement, Index(name), value));
        return this;
    }

    public SqliteRawStatement Bind(string name, string value)
    {
        Check(raw.sqlite3_bind_text(statement, Index(name), value));
        return this;
    }

    /// <summary>Steps to the next row: false when there is none.</summary>
    public bool Step()
    {
        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        return false;
    }

    /// <summary>Makes the statement ready to run again; bindings stay until rebound.</summary>
    public void Reset() => raw.sqlite3_reset(statement);

    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public long? NullableInt64(int column) => IsNull(column) ? null : Int64(column);

    public string Text(int column) => raw.sqlite3_column_text(statement, column).utf8_to_string();

    public string? NullableText(int column) => IsNull(column) ? null : Text(column);

    /// <summary>The column's value as UTF-8 bytes, valid until the next step or reset: for parsing without a string.</summary>
    public ReadOnlySpan<byte> Utf8(int column) => raw.sqlite3_column_blob(statement, column);

    /// <summary>
    /// Reads as many space-separated integers as <paramref name="fields"/> holds from a text column (e.g. <c>a || ' ' || ifnull(b, '')</c>);
    /// an empty field is null. False when the column is NULL.
    /// </summary>
    public bool TryInt64Fields(int column, Span<long?> fields)
    {
        if (IsNull(column))
        {
            return false;
        }

        var text = Utf8(column);
        for (var i = 0; i < fields.Length; i++)
        {
            var end = text.IndexOf((byte)' ');
            var field = end < 0 ? text : text[..end];
            fields[i] = field.IsEmpty ? null
                : Utf8Parser.TryParse(field, out long value, out var used) && used == field.Length ? value
                : throw new FormatException($"Not an integer field: column {column}, field {i}.");
            text = end < 0 ? [] : text[(end + 1)..];
        }

        return true;
    }

    public void Dispose() => statement.Dispose();

    private int Index(string name)
    {
        var index = raw.sqlite3_bind_parameter_index(statement, name);
        return index > 0 ? index : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }
}
