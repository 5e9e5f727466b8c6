using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Study;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// The study's aggregates in SQL: index seeks per enabled account on snapshots (account_id, captured_at) and posts
/// (account_id, published_at), and one grouped scan of the window's posts for languages.
/// </summary>
internal sealed class SqliteStudyQueries(IOptions<SqliteOptions> options) : IStudyQueries
{
    private const string FactsSql = """
        SELECT a.id,
          (SELECT count(*) FROM snapshots s WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end),
          (SELECT count(*) FROM snapshots s WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
             AND s.status IN ('ok', 'notModified')),
          (SELECT min(published_at) FROM posts p WHERE p.account_id = a.id AND p.published_at < $end),
          m.measured, m.reposts
        FROM accounts a
        LEFT JOIN (
          SELECT account_id, count(*) AS measured, sum(reposts) AS reposts FROM posts
          WHERE published_at >= $start AND published_at < $end AND kind <> 'repost' AND reposts IS NOT NULL
          GROUP BY account_id) m ON m.account_id = a.id
        WHERE a.enabled = 1
        ORDER BY a.id
        """;

    private const string LanguagesSql = """
        SELECT p.account_id, p.language, count(*) FROM posts p JOIN accounts a ON a.id = p.account_id AND a.enabled = 1
        WHERE p.published_at >= $start AND p.published_at < $end
        GROUP BY p.account_id, p.language
        ORDER BY p.account_id, p.language
        """;

    public async Task<IReadOnlyList<AccountStudyFacts>> QueryStudyFactsAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        var rows = new List<AccountStudyFacts>();
        await ReadAsync(FactsSql, window, reader => rows.Add(new AccountStudyFacts(
            reader.GetString(0),
            reader.GetInt64(1),
            reader.GetInt64(2),
            reader.IsDBNull(3) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
            reader.IsDBNull(4) ? 0 : reader.GetInt64(4),
            reader.IsDBNull(5) ? 0 : reader.GetInt64(5))), cancellationToken);
        return rows;
    }

    public async Task<IReadOnlyList<LanguageCount>> QueryLanguagesAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        var rows = new List<LanguageCount>();
        await ReadAsync(LanguagesSql, window, reader => rows.Add(new LanguageCount(
            reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2))), cancellationToken);
        return rows;
    }

    private async Task ReadAsync(string sql, ActivityWindow window, Action<SqliteDataReader> read, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = options.Value.Path,
            Mode = SqliteOpenMode.ReadWrite,
            DefaultTimeout = (int)options.Value.BusyTimeout.TotalSeconds,
        };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$start", window.Start.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$end", window.End.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            read(reader);
        }
    }
}
