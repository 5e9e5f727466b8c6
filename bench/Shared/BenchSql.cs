using Microsoft.Data.Sqlite;

namespace Monitor.Bench;

/// <summary>Prepared, positional SQL for the report benchmarks' data loaders (linked into each bench project).</summary>
internal static class BenchSql
{
    public static void Run(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>A command with parameters <c>$1</c> … <c>$n</c>, prepared once for many rows.</summary>
    public static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, int parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"${i}", null));
        }

        command.Prepare();
        return command;
    }

    /// <summary>Runs <paramref name="command"/> with <paramref name="values"/> as <c>$1</c> … in order.</summary>
    public static void Exec(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
