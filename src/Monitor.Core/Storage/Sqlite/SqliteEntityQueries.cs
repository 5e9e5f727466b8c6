using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Network;
using Monitor.Core.Entities;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>Entity counts in SQL: a range over the covering index <c>ix_post_entities_window</c> (type, published_at, …) per type, grouped.</summary>
internal sealed class SqliteEntityQueries(IOptions<SqliteOptions> options) : IEntityQueries
{
    public async Task<IReadOnlyList<EntityCount>> QueryEntitiesAsync(ActivityWindow window, IReadOnlyCollection<EntityType> types, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = options.Value.Path,
            Mode = SqliteOpenMode.ReadWrite,
            DefaultTimeout = (int)options.Value.BusyTimeout.TotalSeconds,
        };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync(cancellationToken);
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
}
