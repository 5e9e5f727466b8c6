using Microsoft.Data.Sqlite;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>Small conveniences over ADO.NET: parameters, Unix-millisecond times and nullable columns.</summary>
internal static class SqliteCommandExtensions
{
    public static async Task<int> ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Adds a parameter, mapping null to DBNull and times to Unix milliseconds UTC (the schema's time type).</summary>
    public static SqliteParameter Bind(this SqliteCommand command, string name, object? value)
    {
        return command.Parameters.AddWithValue(name, ToDb(value));
    }

    /// <summary>Sets a reused parameter's value with the same mapping as <see cref="Bind"/>.</summary>
    public static void Set(this SqliteParameter parameter, object? value) => parameter.Value = ToDb(value);

    public static long ToUnixMs(this DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    public static DateTimeOffset GetTime(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? GetTimeOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetTime(ordinal);

    public static string? GetStringOrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetInt64OrNull(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static object ToDb(object? value) => value switch
    {
        null => DBNull.Value,
        DateTimeOffset time => time.ToUnixMs(),
        bool flag => flag ? 1L : 0L,
        _ => value,
    };
}
