using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Adapters;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Activity aggregates as one SQL statement: window functions over the window's posts (gaps, new days), one
/// aggregation for counts and histograms, a sort of the gaps for the exact median, and index seeks per account for
/// the last post and the snapshot figures. See bench/BENCHMARKS.md for its cost. Timestamps are Unix ms UTC, so days and hours are integer arithmetic.
/// </summary>
internal sealed class SqliteActivityQueries(IOptions<SqliteOptions> options) : IActivityQueries
{
    private const long DayMs = 86_400_000;

    private static readonly string Histograms = string.Join(",\n    ",
        Enumerable.Range(0, 7).Select(d => $"sum(weekday = {d}) AS wd{d}")
            .Concat(Enumerable.Range(0, 24).Select(h => $"sum(hour = {h}) AS h{h}")));

    // One ordered pass over the (account_id, published_at) index computes every per-post figure once.
    // 1970-01-01 was a Thursday: (day + 3) % 7 numbers the weekdays Monday = 0 … Sunday = 6. A post starts a new
    // active day when its UTC day differs from its predecessor's, so active days need no DISTINCT sort.
    private static readonly string ActivitySql = $"""
        WITH g AS (
          SELECT account_id, kind, published_at >= $week AS in_week,
            ((published_at / {DayMs}) + 3) % 7 AS weekday, (published_at % {DayMs}) / 3600000 AS hour,
            coalesce(published_at / {DayMs} <> lag(published_at / {DayMs}) OVER w, 1) AS new_day,
            published_at - lag(published_at) OVER w AS gap
          FROM posts WHERE published_at >= $start AND published_at < $end
          WINDOW w AS (PARTITION BY account_id ORDER BY published_at)),
        agg AS (
          SELECT account_id, count(*) AS posts,
            sum(kind = 'post') AS originals, sum(kind = 'reply') AS replies,
            sum(kind = 'repost') AS reposts, sum(kind = 'quote') AS quotes,
            sum(new_day) AS active_days, sum(in_week) AS weekly,
            {Histograms}
          FROM g GROUP BY account_id),
        ranked AS (
          SELECT account_id, gap, row_number() OVER (PARTITION BY account_id ORDER BY gap) AS rn FROM g WHERE gap IS NOT NULL),
        -- posts − 1 gaps: the median is the mean of gaps number ⌊posts/2⌋ and ⌊(posts+1)/2⌋ in sorted order.
        median AS (
          SELECT r.account_id, avg(r.gap) AS median_gap FROM ranked r JOIN agg a ON a.account_id = r.account_id
          WHERE r.rn IN (a.posts / 2, (a.posts + 1) / 2) GROUP BY r.account_id),
        snap AS (
          SELECT a.id AS account_id,
            (SELECT followers FROM snapshots s WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
               AND s.followers IS NOT NULL ORDER BY s.captured_at LIMIT 1) AS followers_start,
            (SELECT followers FROM snapshots s WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
               AND s.followers IS NOT NULL ORDER BY s.captured_at DESC LIMIT 1) AS followers_end,
            (SELECT captured_at FROM snapshots s WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
               AND s.posts_total IS NOT NULL ORDER BY s.captured_at LIMIT 1) AS counter_start_at,
            (SELECT captured_at FROM snapshots s WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
               AND s.posts_total IS NOT NULL ORDER BY s.captured_at DESC LIMIT 1) AS counter_end_at
          FROM accounts a WHERE a.enabled = 1)
        SELECT a.id, a.platform, a.handle, a.country, a.actor, a.name, a.language, a.last_status,
          coalesce(g.originals, 0), coalesce(g.replies, 0), coalesce(g.reposts, 0), coalesce(g.quotes, 0),
          coalesce(g.active_days, 0), m.median_gap, coalesce(g.weekly, 0),
          (SELECT max(published_at) FROM posts p WHERE p.account_id = a.id AND p.published_at < $end) AS last_post_at,
          sn.followers_start, sn.followers_end,
          (SELECT posts_total FROM snapshots s WHERE s.account_id = a.id AND s.captured_at = sn.counter_start_at
             AND s.posts_total IS NOT NULL LIMIT 1) AS counter_start,
          (SELECT posts_total FROM snapshots s WHERE s.account_id = a.id AND s.captured_at = sn.counter_end_at
             AND s.posts_total IS NOT NULL ORDER BY s.id DESC LIMIT 1) AS counter_end,
          CASE WHEN sn.counter_start_at IS NULL THEN NULL ELSE
            (SELECT count(*) FROM posts p WHERE p.account_id = a.id
               AND p.published_at > sn.counter_start_at AND p.published_at <= sn.counter_end_at) END AS in_counter_span,
          {string.Join(", ", Enumerable.Range(0, 7).Select(d => $"coalesce(g.wd{d}, 0)"))},
          {string.Join(", ", Enumerable.Range(0, 24).Select(h => $"coalesce(g.h{h}, 0)"))}
        FROM accounts a
        JOIN snap sn ON sn.account_id = a.id
        LEFT JOIN agg g ON g.account_id = a.id
        LEFT JOIN median m ON m.account_id = a.id
        WHERE a.enabled = 1
        ORDER BY a.id
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

    private const int HistogramStart = 21;

    public async Task<IReadOnlyList<AccountActivityFacts>> QueryActivityAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ActivitySql;
        command.Parameters.AddWithValue("$start", window.Start.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$end", window.End.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$week", window.WeekStart.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<AccountActivityFacts>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AccountActivityFacts(
                ReadAccount(reader),
                reader.IsDBNull(7) ? null : PollStatusNames.Parse(reader.GetString(7)),
                reader.GetInt64(8), reader.GetInt64(9), reader.GetInt64(10), reader.GetInt64(11),
                reader.GetInt64(12),
                reader.IsDBNull(13) ? null : reader.GetDouble(13),
                reader.GetInt64(14),
                reader.IsDBNull(15) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(15)),
                ReadCounts(reader, HistogramStart, 7),
                ReadCounts(reader, HistogramStart + 7, 24),
                NullableInt64(reader, 16), NullableInt64(reader, 17),
                NullableInt64(reader, 18), NullableInt64(reader, 19), NullableInt64(reader, 20)));
        }

        return rows;
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
