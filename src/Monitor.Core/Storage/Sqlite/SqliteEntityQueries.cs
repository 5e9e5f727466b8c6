using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Network;
using Monitor.Core.Entities;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Entity counts in SQL: a range over the covering index <c>ix_post_entities_window</c> (type, published_at, …) per type,
/// grouped. The top-N reports group by the requested key in SQLite, so a year of hashtags reaches .NET as one row per
/// tag (or country and tag), not one per account and tag (bench/BENCHMARKS.md).
/// </summary>
internal sealed class SqliteEntityQueries(IOptions<SqliteOptions> options) : IEntityQueries
{
    // The enabled accounts are the store's own (accounts.enabled): the same set the account store lists.
    internal static string TotalsSql(EntityGrouping per) => $"""
        SELECT {per switch { EntityGrouping.Account => "e.account_id", EntityGrouping.Country => "a.country", _ => $"'{EntityRankingBuilder.AllGroup}'" }},
          e.value, count(*), count(DISTINCT e.account_id)
        FROM post_entities e JOIN accounts a ON a.id = e.account_id
        WHERE a.enabled = 1 AND e.type = $type AND e.published_at >= $start AND e.published_at < $end
        GROUP BY 1, 2
        """;

    public async Task<IReadOnlyList<EntityTotal>> QueryEntityTotalsAsync(
        ActivityWindow window, EntityType type, EntityGrouping per, IReadOnlyList<TrackedAccount> enabled, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = TotalsSql(per);
        command.Parameters.AddWithValue("$type", type.ToWireName());
        command.Parameters.AddWithValue("$start", window.Start.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$end", window.End.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<EntityTotal>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new EntityTotal(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<EntityCount>> QueryEntitiesAsync(ActivityWindow window, IReadOnlyCollection<EntityType> types, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = new List<EntityCount>();
        foreach (var type in types.Distinct())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT account_id, value, platform_id, count(*) FROM post_entities
                WHERE type = $type AND published_at >= $start AND published_at < $end
                GROUP BY account_id, value, platform_id
                """;
            command.Parameters.AddWithValue("$type", type.ToWireName());
            command.Parameters.AddWithValue("$start", window.Start.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$end", window.End.ToUnixTimeMilliseconds());
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(new EntityCount(reader.GetString(0), type, reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), reader.GetInt64(3)));
            }
        }

        return rows;
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
