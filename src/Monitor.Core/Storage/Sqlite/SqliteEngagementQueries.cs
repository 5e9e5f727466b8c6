using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Engagement;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// The engagement report's SQL: one grouped scan of the window's posts (by <c>ix_posts_published</c>) for the
/// account sums, one for the top posts (SQLite keeps only the LIMIT's rows while sorting), and index range reads of
/// <c>post_metric_observations</c> (account_id, published_at, post_id) per top post's account.
/// </summary>
internal sealed class SqliteEngagementQueries(IOptions<SqliteOptions> options) : IEngagementQueries
{
    private const string Counted = "published_at >= $start AND published_at < $end AND kind <> 'repost' AND deleted_at IS NULL";

    private const string AccountsSql = $"""
        SELECT account_id, count(*), count(coalesce(likes, reposts, replies, quotes)),
          coalesce(sum(likes), 0), coalesce(sum(reposts), 0), coalesce(sum(replies), 0), coalesce(sum(quotes), 0),
          count(views), coalesce(sum(views), 0)
        FROM posts WHERE {Counted}
        GROUP BY account_id ORDER BY account_id
        """;

    private const string TopPostsSql = $"""
        SELECT platform, account_id, post_id, url, kind, published_at, replies, reposts, likes, views, quotes,
          coalesce(likes, 0) + coalesce(reposts, 0) + coalesce(replies, 0) + coalesce(quotes, 0) AS interactions
        FROM posts
        WHERE {Counted} AND coalesce(likes, reposts, replies, quotes) IS NOT NULL
          AND account_id IN (SELECT value FROM json_each($accounts))
        ORDER BY interactions DESC, account_id, post_id
        LIMIT $top
        """;

    private const string ObservationsSql = $"""
        SELECT {SqliteObservations.Columns} FROM post_metric_observations
        WHERE account_id = $account AND published_at < $before
        ORDER BY published_at, post_id
        """;

    public async Task<IReadOnlyList<AccountEngagementFacts>> QueryAccountsAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        var rows = new List<AccountEngagementFacts>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = WindowCommand(connection, AccountsSql, window);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new AccountEngagementFacts(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4),
                reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<EngagementPost>> QueryTopPostsAsync(
        ActivityWindow window, IReadOnlyCollection<string> accountIds, int top, CancellationToken cancellationToken)
    {
        var posts = new List<EngagementPost>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = WindowCommand(connection, TopPostsSql, window);
        command.Bind("$accounts", JsonSerializer.Serialize(accountIds.ToArray(), SqliteJsonContext.Default.StringArray));
        command.Bind("$top", top);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            posts.Add(new EngagementPost(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetStringOrNull(3),
                PostKindNames.Parse(reader.GetString(4)), reader.GetTime(5),
                PostMetrics.Of(reader.GetInt64OrNull(6), reader.GetInt64OrNull(7), reader.GetInt64OrNull(8), reader.GetInt64OrNull(9), reader.GetInt64OrNull(10))!));
        }

        return posts;
    }

    public async IAsyncEnumerable<MetricObservation> ReadObservationsAsync(
        string accountId, DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = ObservationsSql;
        command.Bind("$account", accountId);
        command.Bind("$before", before);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return SqliteObservations.Read(reader);
        }
    }

    private static SqliteCommand WindowCommand(SqliteConnection connection, string sql, ActivityWindow window)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Bind("$start", window.Start);
        command.Bind("$end", window.End);
        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = options.Value.Path,
            Mode = SqliteOpenMode.ReadWrite,
            DefaultTimeout = (int)options.Value.BusyTimeout.TotalSeconds,
        };
        var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
