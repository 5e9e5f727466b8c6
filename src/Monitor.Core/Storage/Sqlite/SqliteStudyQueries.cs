using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Study;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// The study's aggregates in SQL: index seeks per enabled account on the covering indexes of schema 7 (SqliteReportIndex)
/// on snapshots and posts, and one grouped range per account over the window's posts for languages.
/// </summary>
internal sealed class SqliteStudyQueries(IOptions<SqliteOptions> options) : IStudyQueries
{
    // The repost sums walk each account's window range of the covering index ix_posts_report (kind and reposts are
    // in it), so no post row is read; accounts in id order make the GROUP BY need no sort.
    internal const string FactsSql = """
        SELECT a.id,
          (SELECT count(*) FROM snapshots s INDEXED BY ix_snapshots_report WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end),
          (SELECT count(*) FROM snapshots s INDEXED BY ix_snapshots_report WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
             AND s.status IN ('ok', 'notModified')),
          (SELECT min(published_at) FROM posts p WHERE p.account_id = a.id AND p.published_at < $end),
          count(p.published_at), sum(p.reposts), a.platform_created_at
        FROM accounts a INDEXED BY sqlite_autoindex_accounts_1
        LEFT JOIN posts p INDEXED BY ix_posts_report ON p.account_id = a.id AND p.published_at >= $start AND p.published_at < $end
          AND p.kind <> 'repost' AND p.reposts IS NOT NULL
        WHERE a.enabled = 1
        GROUP BY a.id
        ORDER BY a.id
        """;

    // Each account's window range of ix_posts_report holds its languages; the grouping sorts only those (account, language) keys.
    internal const string LanguagesSql = """
        SELECT p.account_id, p.language, count(*) FROM accounts a CROSS JOIN posts p INDEXED BY ix_posts_report ON p.account_id = a.id AND a.enabled = 1
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
            reader.IsDBNull(5) ? 0 : reader.GetInt64(5))
        {
            PlatformCreatedAt = reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        }), cancellationToken);
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
