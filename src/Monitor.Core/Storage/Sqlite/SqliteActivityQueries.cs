using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Adapters;
using SQLitePCL;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Activity aggregates in two reads of one snapshot: per enabled account, index seeks for the last post and the
/// snapshot figures; then the window's posts streamed as (account, publishedAt, kind) through the covering index
/// <c>ix_posts_report</c>, one account after another in time order, and every window figure computed in one pass
/// by <see cref="ActivityTally"/>. See bench/BENCHMARKS.md for its cost. Timestamps are Unix ms UTC.
/// </summary>
internal sealed class SqliteActivityQueries(IOptions<SqliteOptions> options) : IActivityQueries
{
    private const long DayMs = 86_400_000;

    // Per account: index seeks on posts (account_id, published_at) and snapshots (account_id, captured_at, then id
    // for ties: the index ends in the rowid). The first and last counter snapshots' times bound PostsInCounterSpan,
    // which the window pass counts (both lie inside the window, so every post between them is in it).
    internal const string AccountFactsSql = """
        SELECT a.id, a.platform, a.handle, a.country, a.actor, a.name, a.language, a.last_status, a.rowid,
          (SELECT max(published_at) FROM posts p WHERE p.account_id = a.id AND p.published_at < $end),
          (SELECT followers FROM snapshots s INDEXED BY ix_snapshots_report WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
             AND s.followers IS NOT NULL ORDER BY s.captured_at, s.id LIMIT 1),
          (SELECT followers FROM snapshots s INDEXED BY ix_snapshots_report WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
             AND s.followers IS NOT NULL ORDER BY s.captured_at DESC, s.id DESC LIMIT 1),
          (SELECT captured_at FROM snapshots s INDEXED BY ix_snapshots_report WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
             AND s.posts_total IS NOT NULL ORDER BY s.captured_at, s.id LIMIT 1),
          (SELECT posts_total FROM snapshots s INDEXED BY ix_snapshots_report WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
             AND s.posts_total IS NOT NULL ORDER BY s.captured_at, s.id LIMIT 1),
          (SELECT captured_at FROM snapshots s INDEXED BY ix_snapshots_report WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
             AND s.posts_total IS NOT NULL ORDER BY s.captured_at DESC, s.id DESC LIMIT 1),
          (SELECT posts_total FROM snapshots s INDEXED BY ix_snapshots_report WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
             AND s.posts_total IS NOT NULL ORDER BY s.captured_at DESC, s.id DESC LIMIT 1)
        FROM accounts a
        WHERE a.enabled = 1
        ORDER BY a.id
        """;

    // CROSS JOIN keeps accounts as the outer loop, so each account is one range seek on the covering index, which
    // yields its posts in publishedAt order: EXPLAIN QUERY PLAN shows no temp B-tree. Kinds travel as small integers
    // (ActivityTally's codes), so no string is read per post.
    internal const string WindowPostsSql = """
        SELECT a.rowid, p.published_at,
          CASE p.kind WHEN 'post' THEN 0 WHEN 'reply' THEN 1 WHEN 'repost' THEN 2 WHEN 'quote' THEN 3 ELSE 4 END
        FROM accounts a CROSS JOIN posts p INDEXED BY ix_posts_report ON p.account_id = a.id
        WHERE a.enabled = 1 AND p.published_at >= $start AND p.published_at < $end
        ORDER BY a.rowid, p.published_at
        """;

    private const string AccountsSql =
        "SELECT id, platform, handle, country, actor, name, language, last_status FROM accounts WHERE enabled = 1 ORDER BY id";

    // Unix ms divided by a day's ms is the UTC day number since 1970-01-01; the (account_id, published_at) index serves it.
    private static readonly string DailySql = $"""
        SELECT published_at / {DayMs} AS day, count(*),
          {string.Join(", ", Enumerable.Range(0, 24).Select(h => $"sum((published_at % {DayMs}) / 3600000 = {h})"))}
        FROM posts
        WHERE account_id = $account AND published_at >= $start AND published_at < $end
        GROUP BY day ORDER BY day
        """;

    private static readonly long[] NoWeekdays = new long[7];
    private static readonly long[] NoHours = new long[24];

    public async Task<IReadOnlyList<AccountActivityFacts>> QueryActivityAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);

        // One read transaction: both statements see the same snapshot of the file (WAL), whatever a poll writes meanwhile.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var accounts = await ReadAccountFactsAsync(connection, transaction, window, cancellationToken);
        var rows = accounts.Select(a => a.Facts).ToList();
        var byRow = new Dictionary<long, int>(accounts.Count);
        for (var i = 0; i < accounts.Count; i++)
        {
            byRow[accounts[i].Row] = i;
        }

        // The stream is stepped through SQLitePCLRaw (the library under Microsoft.Data.Sqlite) on the same connection and
        // transaction: SqliteDataReader checks each column's type and state per call, which cost more than the SQL itself
        // over a year's posts (bench/BENCHMARKS.md).
        var rc = raw.sqlite3_prepare_v2(connection.Handle, WindowPostsSql, out var statement);
        SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        using var owned = statement;
        raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$start"), window.Start.ToUnixTimeMilliseconds());
        raw.sqlite3_bind_int64(statement, raw.sqlite3_bind_parameter_index(statement, "$end"), window.End.ToUnixTimeMilliseconds());
        var tally = new ActivityTally();
        var index = -1;
        var current = -1L;
        for (var n = 0; (rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW; n++)
        {
            var row = raw.sqlite3_column_int64(statement, 0);
            if (row != current)
            {
                Finish(tally, index, rows);
                current = row;
                index = byRow.GetValueOrDefault(row, -1);
                var span = index >= 0 ? accounts[index] : default;
                tally.Reset(window.WeekStart, span.CounterFrom, span.CounterTo);
            }

            if ((n & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            tally.Add(raw.sqlite3_column_int64(statement, 1), raw.sqlite3_column_int(statement, 2));
        }

        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, connection.Handle);
        }

        Finish(tally, index, rows);
        return rows;
    }

    private static void Finish(ActivityTally tally, int index, List<AccountActivityFacts> rows)
    {
        if (index >= 0)
        {
            rows[index] = tally.ToFacts(rows[index]);
        }
    }

    private readonly record struct AccountLookup(long Row, AccountActivityFacts Facts, long? CounterFrom, long? CounterTo);

    private static async Task<List<AccountLookup>> ReadAccountFactsAsync(
        SqliteConnection connection, SqliteTransaction transaction, ActivityWindow window, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, AccountFactsSql, window);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AccountLookup>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var counterFrom = NullableInt64(reader, 12);
            rows.Add(new AccountLookup(reader.GetInt64(8), new AccountActivityFacts(
                ReadAccount(reader),
                reader.IsDBNull(7) ? null : PollStatusNames.Parse(reader.GetString(7)),
                0, 0, 0, 0, 0, null, 0,
                reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                NoWeekdays, NoHours,
                NullableInt64(reader, 10), NullableInt64(reader, 11),
                NullableInt64(reader, 13), NullableInt64(reader, 15), counterFrom is null ? null : 0),
                counterFrom, NullableInt64(reader, 14)));
        }

        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, ActivityWindow window)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$start", window.Start.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$end", window.End.ToUnixTimeMilliseconds());
        return command;
    }

    public async Task<IReadOnlyList<TrackedAccount>> ListEnabledAccountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = AccountsSql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var accounts = new List<TrackedAccount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            accounts.Add(ReadAccount(reader));
        }

        return accounts;
    }

    public async Task<IReadOnlyList<DailyCount>> DailyCountsAsync(string accountId, ActivityWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = DailySql;
        command.Parameters.AddWithValue("$account", accountId);
        command.Parameters.AddWithValue("$start", window.Start.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$end", window.End.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var days = new List<DailyCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            days.Add(new DailyCount(DateOnly.FromDayNumber(UnixEpochDay + (int)reader.GetInt64(0)), reader.GetInt64(1), ReadCounts(reader, 2, 24)));
        }

        return days;
    }

    private static readonly int UnixEpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = options.Value.Path,
            Mode = SqliteOpenMode.ReadOnly,
            DefaultTimeout = (int)options.Value.BusyTimeout.TotalSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static TrackedAccount ReadAccount(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        Enum.Parse<ActorType>(reader.GetString(4), ignoreCase: true),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6));

    private static long[] ReadCounts(SqliteDataReader reader, int first, int count)
    {
        var counts = new long[count];
        for (var i = 0; i < count; i++)
        {
            counts[i] = reader.GetInt64(first + i);
        }

        return counts;
    }

    private static long? NullableInt64(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
