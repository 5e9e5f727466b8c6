using Microsoft.Data.Sqlite;
using Monitor.Core.Storage.Sqlite;
using Monitor.Core.Tests.Activity;

namespace Monitor.Core.Tests.Storage;

/// <summary>
/// The entity reports' streams read only the covering index <c>ix_post_entities_window</c> in its own order (no sort),
/// in a database without statistics; <see cref="SqliteRawStatement"/> reads text, NULL and errors as the data reader would.
/// </summary>
public sealed class SqliteEntityQueriesTests : IDisposable
{
    private readonly ActivityTestDatabase database = new();

    public static TheoryData<string, string> Statements => new()
    {
        { nameof(SqliteEntityQueries.WindowRowsSql), SqliteEntityQueries.WindowRowsSql },
        { nameof(SqliteEntityQueries.WindowCountsSql), SqliteEntityQueries.WindowCountsSql },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void QueryPlan_EntityStream_IsOneCoveringIndexRangeWithoutSort(string name, string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$type", "hashtag");
        command.Parameters.AddWithValue("$start", 0);
        command.Parameters.AddWithValue("$end", 1);
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        var step = Assert.Single(plan);
        Assert.StartsWith("SEARCH post_entities USING COVERING INDEX ix_post_entities_window (type=? AND published_at>? AND published_at<?)", step, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", name + step, StringComparison.Ordinal);
    }

    [Fact]
    public void RawRows_TextNullAndLongValues_ReadAsStored()
    {
        var longText = string.Concat(Enumerable.Repeat("ß日🙂", 100));
        using var connection = Open();
        using var rows = SqliteRawStatement.Prepare(connection, "SELECT $a, NULL, $b, 42 UNION ALL SELECT '', 'x', $a, NULL");
        rows.Bind("$a", "Привет");
        rows.Bind("$b", longText);

        Assert.True(rows.Step(TestContext.Current.CancellationToken));
        Assert.Equal(("Привет", true, (string?)null, longText, 42L), (rows.Text(0).ToString(), rows.IsNull(1), rows.TextOrNull(1), rows.Text(2).ToString(), rows.Int64(3)));
        Assert.True(rows.Step(TestContext.Current.CancellationToken));
        Assert.Equal((string.Empty, "x", "Привет", true), (rows.Text(0).ToString(), rows.TextOrNull(1), rows.Text(2).ToString(), rows.IsNull(3)));
        Assert.False(rows.Step(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void RawRows_InvalidStatementOrCancelledRead_Throws()
    {
        using var connection = Open();
        Assert.Contains("no such table", Assert.Throws<SqliteException>(() => SqliteRawStatement.Prepare(connection, "SELECT x FROM missing")).Message, StringComparison.Ordinal);

        using var rows = SqliteRawStatement.Prepare(connection, "SELECT 1");
        Assert.Throws<OperationCanceledException>(() => rows.Step(new CancellationToken(canceled: true)));
    }

    public void Dispose() => database.Dispose();

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        connection.Open();
        return connection;
    }
}
