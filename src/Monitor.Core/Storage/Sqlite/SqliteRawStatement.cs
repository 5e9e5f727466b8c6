using System.Buffers.Text;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// A statement prepared once on an open connection and run through SQLitePCLRaw (the library under
/// Microsoft.Data.Sqlite), for the hot paths: report streams of many small rows, where <see cref="SqliteDataReader"/>'s
/// per-call type and state checks cost more than the SQL itself over a year's rows, and the per-post writes of a poll,
/// where a <see cref="SqliteCommand"/> looks every parameter up by name and builds a data reader at each execution,
/// about three times the native insert (bench/BENCHMARKS.md, "The write path of a first poll"). Parameters are bound by
/// position (names resolved once, at prepare) and stay bound for later runs. Text columns are decoded into reused
/// buffers, one per column, valid until the next <see cref="Step"/>. It runs in whatever transaction the connection has
/// open and must be disposed before the connection.
/// </summary>
internal sealed class SqliteRawStatement : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly sqlite3_stmt statement;
    private readonly char[][] buffers;
    private readonly Dictionary<string, int> positions = new(StringComparer.Ordinal);
    private long stepped;
    private byte[] utf8 = new byte[1024];

    private SqliteRawStatement(SqliteConnection connection, sqlite3_stmt statement)
    {
        this.connection = connection;
        this.statement = statement;
        buffers = new char[raw.sqlite3_column_count(statement)][];
        for (var i = 0; i < buffers.Length; i++)
        {
            buffers[i] = new char[64];
        }

        for (var i = 1; i <= raw.sqlite3_bind_parameter_count(statement); i++)
        {
            positions[raw.sqlite3_bind_parameter_name(statement, i).utf8_to_string()] = i;
        }
    }

    public static SqliteRawStatement Prepare(SqliteConnection connection, string sql)
    {
        var rc = raw.sqlite3_prepare_v2(connection.Handle, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            statement.Dispose();
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        return new SqliteRawStatement(connection, statement);
    }

    public void Bind(string name, string value) => Check(BindText(Parameter(name), value));

    public void Bind(string name, long value) => Check(raw.sqlite3_bind_int64(statement, Parameter(name), value));

    /// <summary>
    /// Binds <paramref name="value"/> to the parameter <paramref name="name"/> (with its <c>$</c>), mapped as
    /// <see cref="SqliteCommandExtensions.Bind"/> maps it (times as Unix milliseconds).
    /// </summary>
    public void Set(string name, object? value)
    {
        var i = Parameter(name);
        Check(value switch
        {
            null => raw.sqlite3_bind_null(statement, i),
            string text => BindText(i, text),
            long number => raw.sqlite3_bind_int64(statement, i, number),
            int number => raw.sqlite3_bind_int64(statement, i, number),
            bool flag => raw.sqlite3_bind_int64(statement, i, flag ? 1 : 0),
            DateTimeOffset time => raw.sqlite3_bind_int64(statement, i, time.ToUnixMs()),
            _ => throw new ArgumentException($"{name}: values of type {value.GetType().Name} are not bound here.", nameof(value)),
        });
    }

    /// <summary>
    /// Binds text as UTF-8 encoded into the statement's reused buffer: SQLite copies it (SQLITE_TRANSIENT), so the
    /// buffer is free again at once. The whole string is bound, with its length; the string overload allocated a new
    /// UTF-8 array per value.
    /// </summary>
    private int BindText(int index, string text)
    {
        if (text.Length == 0)
        {
            // An empty span pins as a null pointer, which SQLite binds as NULL.
            return raw.sqlite3_bind_text(statement, index, string.Empty);
        }

        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most > utf8.Length)
        {
            utf8 = new byte[Math.Max(most, utf8.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(text, utf8);
        return raw.sqlite3_bind_text(statement, index, utf8.AsSpan(0, length));
    }

    /// <summary>Runs a writing statement once, makes it ready for the next run, and returns the number of rows it changed.</summary>
    public int Execute()
    {
        var rc = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        Check(rc is raw.SQLITE_DONE or raw.SQLITE_ROW ? raw.SQLITE_OK : rc);
        return raw.sqlite3_changes(connection.Handle);
    }

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

    private int Parameter(string name) =>
        positions.TryGetValue(name, out var i) ? i : throw new ArgumentException($"The statement has no parameter {name}.", nameof(name));

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }
    }
}
