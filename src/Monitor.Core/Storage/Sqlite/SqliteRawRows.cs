using System.Buffers.Text;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// A read-only statement stepped through SQLitePCLRaw (the library under Microsoft.Data.Sqlite) on an open connection,
/// for report streams of many small rows: <see cref="SqliteDataReader"/> checks each column's type and state per call,
/// which over a year's rows costs more than the SQL itself (bench/BENCHMARKS.md). Text columns are decoded into reused
/// buffers, one per column, and valid until the next <see cref="Step"/>.
/// </summary>
internal sealed class SqliteRawRows : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;
    private readonly char[][] buffers;
    private long stepped;

    private SqliteRawRows(SqliteConnection connection, sqlite3_stmt statement)
    {
        this.connection = connection;
        this.statement = statement;
        buffers = new char[raw.sqlite3_column_count(statement)][];
        for (var i = 0; i < buffers.Length; i++)
        {
            buffers[i] = new char[64];
        }
    }

    public static SqliteRawRows Prepare(SqliteConnection connection, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        return new SqliteRawRows(connection, statement);
    }

    public void Bind(string name, string value) => Check(raw.sqlite3_bind_text(statement, Parameter(name), value));

    public void Bind(string name, long value) => Check(raw.sqlite3_bind_int64(statement, Parameter(name), value));

    /// <summary>The next row; false when done. Cancellation is checked every 65,536 rows.</summary>
    public bool Step(CancellationToken cancellationToken)
    {
        if ((stepped++ & 0xFFFF) == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        var rc = raw.sqlite3_step(statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        Check(rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
        return false;
    }

    /// <summary>Makes the statement ready to run again (e.g. for the next account); bindings stay until rebound.</summary>
    public void Reset() => raw.sqlite3_reset(statement);

    public bool IsNull(int column) => raw.sqlite3_column_type(statement, column) == raw.SQLITE_NULL;

    public long Int64(int column) => raw.sqlite3_column_int64(statement, column);

    public long? Int64OrNull(int column) => IsNull(column) ? null : Int64(column);

    /// <summary>
    /// Reads as many space-separated integers as <paramref name="fields"/> holds from a text column (e.g.
    /// <c>a || ' ' || ifnull(b, '')</c>), straight from its UTF-8 bytes; an empty field is null. False when the column is NULL.
    /// </summary>
    public bool TryInt64Fields(int column, Span<long?> fields)
    {
        if (IsNull(column))
        {
            return false;
        }

        var text = raw.sqlite3_column_blob(statement, column);
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

    /// <summary>A text column as UTF-16, in this column's buffer (NULL reads as empty).</summary>
    public ReadOnlySpan<char> Text(int column)
    {
        // For a TEXT value, sqlite3_column_blob returns its UTF-8 bytes as stored, without a conversion.
        var bytes = raw.sqlite3_column_blob(statement, column);
        ref var buffer = ref buffers[column];
        if (buffer.Length < bytes.Length)
        {
            buffer = new char[Math.Max(bytes.Length, buffer.Length * 2)];
        }

        return buffer.AsSpan(0, Encoding.UTF8.GetChars(bytes, buffer));
    }

    /// <summary>A text column as a new string, or null for NULL.</summary>
    public string? TextOrNull(int column) => IsNull(column) ? null : Text(column).ToString();

    public void Dispose() => statement.Dispose();

    private int Parameter(string name) => raw.sqlite3_bind_parameter_index(statement, name);

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }
}
