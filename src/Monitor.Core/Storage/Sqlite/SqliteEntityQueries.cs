using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Network;
using Monitor.Core.Entities;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Entity figures from one range over the covering index <c>ix_post_entities_window</c> (type, published_at, …) per
/// type, read in index order and counted in one pass in .NET: no SQL sort, join or distinct count, which together cost
/// 2.5-4x the plainest grouped count (bench/BENCHMARKS.md, "Entity reports").
/// </summary>
internal sealed class SqliteEntityQueries(IOptions<SqliteOptions> options) : IEntityQueries
{
    // One row per post and entity in the window, straight off the covering index in its own order: no join, no sort.
    internal const string WindowRowsSql = """
        SELECT account_id, value FROM post_entities
        WHERE type = $type AND published_at >= $start AND published_at < $end
        """;

    private const string TrackedSql =
        "SELECT id, platform, handle, country, actor, name, language, cursor_external_id FROM accounts WHERE enabled = 1 ORDER BY id";

    private const string EnabledSql = "SELECT id, country FROM accounts WHERE enabled = 1";

    /// <summary>
    /// The window's (account, value) rows stepped through SQLitePCLRaw and tallied in .NET (<see cref="EntityTotalsTally"/>):
    /// cheaper than SQLite's <c>GROUP BY</c> with <c>count(DISTINCT account_id)</c> over a join to the accounts, whose
    /// sorter, distinct B-tree and per-row account lookup cost 2.5-4x the plain grouped count (bench/BENCHMARKS.md).
    /// <paramref name="enabled"/> filters the rows, as in the default implementation.
    /// </summary>
    public async Task<IReadOnlyList<EntityTotal>> QueryEntityTotalsAsync(
        ActivityWindow window, EntityType type, EntityGrouping per, IReadOnlyList<TrackedAccount> enabled, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return Totals(connection, window, type, new EntityTotalsTally(enabled.Select(a => (a.Id, a.Country)).ToArray(), per), cancellationToken);
    }

    /// <summary>The enabled accounts' ids and countries and then the entity rows, in one read transaction: no account list.</summary>
    public async Task<IReadOnlyList<EntityTotal>> QueryEnabledEntityTotalsAsync(
        ActivityWindow window, EntityType type, EntityGrouping per, IAccountStore accounts, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        var enabled = new List<(string, string)>();
        using (var rows = SqliteRawStatement.Prepare(connection, EnabledSql))
        {
            while (rows.Step(cancellationToken))
            {
                enabled.Add((rows.Text(0).ToString(), rows.Text(1).ToString()));
            }
        }

        return Totals(connection, window, type, new EntityTotalsTally(enabled, per), cancellationToken);
    }

    /// <summary>The enabled accounts' columns that mentions and the network's nodes need, not the poll state.</summary>
    public async Task<IReadOnlyList<TrackedHandle>> ListTrackedAsync(IAccountStore accounts, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var rows = SqliteRawStatement.Prepare(connection, TrackedSql);
        var tracked = new List<TrackedHandle>();
        while (rows.Step(cancellationToken))
        {
            var account = new TrackedAccount(rows.Text(0).ToString(), rows.Text(1).ToString(), rows.Text(2).ToString(), rows.Text(3).ToString(),
                Enum.Parse<ActorType>(rows.Text(4)), rows.TextOrNull(5), rows.TextOrNull(6), Enabled: true);
            tracked.Add(new TrackedHandle(account, rows.TextOrNull(7)));
        }

        // SQLite orders by UTF-8 bytes, which differs from UTF-16 ordinal order only beyond the BMP.
        tracked.Sort((a, b) => string.CompareOrdinal(a.Account.Id, b.Account.Id));
        return tracked;
    }

    private static List<EntityTotal> Totals(SqliteConnection connection, ActivityWindow window, EntityType type, EntityTotalsTally tally, CancellationToken cancellationToken)
    {
        using var rows = SqliteRawStatement.Prepare(connection, WindowRowsSql);
        rows.Bind("$type", type.ToWireName());
        rows.Bind("$start", window.Start.ToUnixTimeMilliseconds());
        rows.Bind("$end", window.End.ToUnixTimeMilliseconds());
        while (rows.Step(cancellationToken))
        {
            tally.Add(rows.Text(0), rows.Text(1));
        }

        return tally.ToTotals();
    }

    internal const string WindowCountsSql = """
        SELECT account_id, value, platform_id FROM post_entities
        WHERE type = $type AND published_at >= $start AND published_at < $end
        """;

    /// <summary>The window's rows of each type stepped through SQLitePCLRaw and counted in .NET (<see cref="EntityCountTally"/>), without SQLite's sort.</summary>
    public async Task<IReadOnlyList<EntityCount>> QueryEntitiesAsync(ActivityWindow window, IReadOnlyCollection<EntityType> types, CancellationToken cancellationToken)
    {
        var tally = new EntityCountTally();
        await using var connection = await OpenAsync(cancellationToken);

        // One read transaction: every type's rows come from the same snapshot of the file (WAL).
        await using var transaction = connection.BeginTransaction(deferred: true);
        foreach (var type in types.Distinct())
        {
            Count(connection, window, type, tally, cancellationToken);
        }

        return tally.ToCounts();
    }

    /// <summary>The window's mention and repost rows fed to <see cref="MentionEdgeTally"/> as they are read: no count per (account, value) in between.</summary>
    public async Task<IReadOnlyList<MentionEdge>> QueryMentionEdgesAsync(ActivityWindow window, IReadOnlyList<TrackedHandle> tracked, CancellationToken cancellationToken)
    {
        var tally = new MentionEdgeTally(tracked);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: true);
        foreach (var type in new[] { EntityType.Mention, EntityType.Repost })
        {
            using var rows = SqliteRawStatement.Prepare(connection, WindowCountsSql);
            rows.Bind("$type", type.ToWireName());
            rows.Bind("$start", window.Start.ToUnixTimeMilliseconds());
            rows.Bind("$end", window.End.ToUnixTimeMilliseconds());
            while (rows.Step(cancellationToken))
            {
                if (tally.TryGetSource(rows.Text(0), out var from))
                {
                    var to = rows.IsNull(2) ? tally.Target(from, rows.Text(1)) : tally.Target(from, rows.Text(1).ToString(), rows.Text(2).ToString());
                    tally.Add(from, to, type, 1);
                }
            }
        }

        return tally.ToEdges();
    }

    private static void Count(SqliteConnection connection, ActivityWindow window, EntityType type, EntityCountTally tally, CancellationToken cancellationToken)
    {
        using var rows = SqliteRawStatement.Prepare(connection, WindowCountsSql);
        rows.Bind("$type", type.ToWireName());
        rows.Bind("$start", window.Start.ToUnixTimeMilliseconds());
        rows.Bind("$end", window.End.ToUnixTimeMilliseconds());
        while (rows.Step(cancellationToken))
        {
            tally.Add(type, rows.Text(0), rows.Text(1), !rows.IsNull(2), rows.Text(2));
        }
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
