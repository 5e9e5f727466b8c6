using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Adapters;

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

    // Per account: two seeks on the covering snapshot index (account_id, captured_at, then id for ties: the index ends
    // in the rowid), for the window's first and last snapshot with any count, read as "capturedAt followers counter"
    // (an empty field is NULL), so one seek answers both figures when that snapshot has both. When it lacks one,
    // FirstOf/LastOf seek the first or last snapshot that has it (FollowersSql/CounterSql). The first and last counter
    // snapshots' times bound PostsInCounterSpan, which the window pass counts (both lie inside the window, so every post
    // between them is in it). The last post comes from the window pass; LastPostSql seeks it only for accounts without
    // a post in the window.
    internal const string AccountFactsSql = """
        SELECT a.id, a.platform, a.handle, a.country, a.actor, a.name, a.language, a.last_status, a.rowid,
          (SELECT s.captured_at || ' ' || ifnull(s.followers, '') || ' ' || ifnull(s.posts_total, '')
             FROM snapshots s INDEXED BY ix_snapshots_report WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
             AND (s.followers IS NOT NULL OR s.posts_total IS NOT NULL) ORDER BY s.captured_at, s.id LIMIT 1),
          (SELECT s.captured_at || ' ' || ifnull(s.followers, '') || ' ' || ifnull(s.posts_total, '')
             FROM snapshots s INDEXED BY ix_snapshots_report WHERE s.account_id = a.id AND s.captured_at >= $start AND s.captured_at < $end
             AND (s.followers IS NOT NULL OR s.posts_total IS NOT NULL) ORDER BY s.captured_at DESC, s.id DESC LIMIT 1)
        FROM accounts a
        WHERE a.enabled = 1
        ORDER BY a.id
        """;

    // The fallbacks, in the order of FallbackSql: first and last followers, first and last counter, each with its time.
    internal static readonly string[] FallbackSql =
        [Seek("followers", last: false), Seek("followers", last: true), Seek("posts_total", last: false), Seek("posts_total", last: true)];

    internal const string LastPostSql =
        "SELECT max(p.published_at) FROM posts p INDEXED BY ix_posts_report WHERE p.account_id = $account AND p.published_at < $end";

    // CROSS JOIN keeps accounts as the outer loop, so each account is one range seek on the covering index, which
    // yields its posts in publishedAt order: EXPLAIN QUERY PLAN shows no temp B-tree. A post travels as one integer,
    // publishedAt × 8 + its kind's code (ActivityTally's codes), so no string and one column is read per post.
    internal const string WindowPostsSql = """
        SELECT a.rowid, p.published_at * 8 +
          CASE p.kind WHEN 'post' THEN 0 WHEN 'reply' THEN 1 WHEN 'repost' THEN 2 WHEN 'quote' THEN 3 ELSE 4 END
        FROM accounts a CROSS JOIN posts p INDEXED BY ix_posts_report ON p.account_id = a.id
        WHERE a.enabled = 1 AND p.published_at >= $start AND p.published_at < $end
        ORDER BY a.rowid, p.published_at
        """;

    private const string AccountsSql =
        "SELECT id, platform, handle, country, actor, name, language, last_status FROM accounts WHERE enabled = 1 ORDER BY id";

    // Unix ms divided by a day's ms is the UTC day number since 1970-01-01; ix_posts_report (account_id, published_at, …) serves it.
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

        // One read transaction: every statement sees the same snapshot of the file (WAL), whatever a poll writes meanwhile.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var accounts = ReadAccountFacts(connection, window, cancellationToken);
        var rows = accounts.Select(a => a.Facts).ToList();
        var byRow = new Dictionary<long, int>(accounts.Count);
        for (var i = 0; i < accounts.Count; i++)
        {
            byRow[accounts[i].Row] = i;
        }

        var streamed = new bool[accounts.Count];
        using (var posts = SqliteRawStatement.Prepare(connection, WindowPostsSql))
        {
            posts.Bind("$start", window.Start.ToUnixTimeMilliseconds());
            posts.Bind("$end", window.End.ToUnixTimeMilliseconds());
            var tally = new ActivityTally();
            var index = -1;
            var current = -1L;
            while (posts.Step(cancellationToken))
            {
                var row = posts.Int64(0);
                if (row != current)
                {
                    Finish(tally, index, rows);
                    current = row;
                    index = byRow.GetValueOrDefault(row, -1);
                    var span = index >= 0 ? accounts[index] : default;
                    tally.Reset(window.WeekStart, span.CounterFrom, span.CounterTo);
                    if (index >= 0)
                    {
                        streamed[index] = true;
                    }
                }

                var packed = posts.Int64(1);
                tally.Add(packed >> 3, (int)(packed & 7));
            }

            Finish(tally, index, rows);
        }

        // Accounts without a post in the window: their last post is older, one seek each.
        using var lastPost = SqliteRawStatement.Prepare(connection, LastPostSql);
        lastPost.Bind("$end", window.End.ToUnixTimeMilliseconds());
        for (var i = 0; i < rows.Count; i++)
        {
            if (!streamed[i])
            {
                lastPost.Reset();
                lastPost.Bind("$account", rows[i].Account.Id);
                if (lastPost.Step(cancellationToken) && lastPost.Int64OrNull(0) is { } last)
                {
                    rows[i] = rows[i] with { LastPostAt = DateTimeOffset.FromUnixTimeMilliseconds(last) };
                }
            }
        }

        return rows;
    }

    private static void Finish(ActivityTally tally, int index, List<AccountActivityFacts> rows)
    {
        if (index >= 0)
        {
            rows[index] = tally.ToFacts(rows[index]);
        }
    }

    private static string Seek(string column, bool last) => $"""
        SELECT s.captured_at, s.{column} FROM snapshots s INDEXED BY ix_snapshots_report
        WHERE s.account_id = $account AND s.captured_at >= $start AND s.captured_at < $end AND s.{column} IS NOT NULL
        ORDER BY s.captured_at{(last ? " DESC" : "")}, s.id{(last ? " DESC" : "")} LIMIT 1
        """;

    private readonly record struct AccountLookup(long Row, AccountActivityFacts Facts, long? CounterFrom, long? CounterTo);

    private static List<AccountLookup> ReadAccountFacts(SqliteConnection connection, ActivityWindow window, CancellationToken cancellationToken)
    {
        var start = window.Start.ToUnixTimeMilliseconds();
        var end = window.End.ToUnixTimeMilliseconds();
        SqliteRawStatement Prepare(string sql)
        {
            var rows = SqliteRawStatement.Prepare(connection, sql);
            rows.Bind("$start", start);
            rows.Bind("$end", end);
            return rows;
        }

        using var facts = Prepare(AccountFactsSql);
        var fallbacks = FallbackSql.Select(Prepare).ToArray();
        try
        {
            var rows = new List<AccountLookup>();
            Span<long?> first = stackalloc long?[3];
            Span<long?> last = stackalloc long?[3];
            while (facts.Step(cancellationToken))
            {
                var account = new TrackedAccount(
                    facts.Text(0).ToString(), facts.Text(1).ToString(), facts.Text(2).ToString(), facts.Text(3).ToString(),
                    Enum.Parse<ActorType>(facts.Text(4), ignoreCase: true), facts.TextOrNull(5), facts.TextOrNull(6));
                var status = facts.TextOrNull(7) is { } name ? PollStatusNames.Parse(name) : (PollStatus?)null;

                // Fields: capturedAt, followers, counter of the window's first and last snapshot with any count.
                first.Clear();
                last.Clear();
                var any = facts.TryInt64Fields(9, first) & facts.TryInt64Fields(10, last);
                var followersStart = first[1];
                var followersEnd = last[1];
                var (counterFrom, counterStart) = first[2] is null ? (null, null) : (first[0], first[2]);
                var (counterTo, counterEnd) = last[2] is null ? (null, null) : (last[0], last[2]);
                if (any)
                {
                    // The snapshot with one count may lack the other: seek the first/last one that has it.
                    followersStart ??= Fallback(fallbacks[0], account.Id, cancellationToken).Value;
                    followersEnd ??= Fallback(fallbacks[1], account.Id, cancellationToken).Value;
                    if (counterFrom is null)
                    {
                        (counterFrom, counterStart) = Fallback(fallbacks[2], account.Id, cancellationToken);
                    }

                    if (counterTo is null)
                    {
                        (counterTo, counterEnd) = Fallback(fallbacks[3], account.Id, cancellationToken);
                    }
                }

                rows.Add(new AccountLookup(facts.Int64(8), new AccountActivityFacts(
                    account, status, 0, 0, 0, 0, 0, null, 0, null, NoWeekdays, NoHours,
                    followersStart, followersEnd, counterStart, counterEnd, counterFrom is null ? null : 0),
                    counterFrom, counterTo));
            }

            return rows;
        }
        finally
        {
            foreach (var fallback in fallbacks)
            {
                fallback.Dispose();
            }
        }
    }

    // (capturedAt, value) of the snapshot a fallback seek finds for the account, or (null, null).
    private static (long? At, long? Value) Fallback(SqliteRawStatement seek, string accountId, CancellationToken cancellationToken)
    {
        seek.Reset();
        seek.Bind("$account", accountId);
        return seek.Step(cancellationToken) ? (seek.Int64(0), seek.Int64(1)) : (null, null);
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
}
