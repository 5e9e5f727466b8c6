using System.Globalization;
using Microsoft.Data.Sqlite;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Migration 5's seed: every post stored before observations were kept gives the observation its stored counts make,
/// as seen at its last-seen time (the counts a poll last wrote). Batches commit on their own and resume after
/// <c>post_observation_backfill.last_id</c>; a bucket that has an observation already keeps it.
/// </summary>
internal static class SqliteObservationBackfill
{
    private const int BatchSize = 2000;

    public const string CreateTable = """

        CREATE TABLE IF NOT EXISTS post_observation_backfill (last_id INTEGER NOT NULL);
        INSERT INTO post_observation_backfill (last_id) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM post_observation_backfill);
        """;

    public const string Finish = "DROP TABLE post_observation_backfill;";

    public static Task RunAsync(SqliteConnection connection, IProgress<string>? progress, CancellationToken cancellationToken) =>
        SqliteBatchedBackfill.RunAsync(connection, SeedBatchAsync, read => string.Create(CultureInfo.InvariantCulture, $"Seeding metric observations (schema 6): {read} more posts read."), progress, cancellationToken);

    /// <summary>Seeds whatever is still missing, inside the final transaction.</summary>
    public static Task CatchUpAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        SqliteBatchedBackfill.CatchUpAsync(connection, transaction, SeedBatchAsync, cancellationToken);

    private static async Task<int> SeedBatchAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var select = connection.CreateCommand();
        select.Transaction = transaction;
        select.CommandText = $"""
            SELECT id, platform, account_id, post_id, kind, published_at, published_at_estimated, last_seen_at, replies, reposts, likes, views, quotes
            FROM posts WHERE id > (SELECT last_id FROM post_observation_backfill) ORDER BY id LIMIT {BatchSize};
            """;
        var seeds = new List<(string Platform, string Account, MetricObservation Observation)>();
        var read = 0;
        long last = 0;
        await using (var rows = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await rows.ReadAsync(cancellationToken))
            {
                read++;
                last = rows.GetInt64(0);
                var post = new Post
                {
                    PostId = rows.GetString(3),
                    Kind = PostKindNames.Parse(rows.GetString(4)),
                    PublishedAt = rows.GetTime(5),
                    PublishedAtEstimated = rows.GetInt64(6) != 0,
                    Metrics = PostMetrics.Of(rows.GetInt64OrNull(8), rows.GetInt64OrNull(9), rows.GetInt64OrNull(10), rows.GetInt64OrNull(11), rows.GetInt64OrNull(12)),
                };
                if (MetricObservation.Observe(post, rows.GetTime(7)) is { } observation)
                {
                    seeds.Add((rows.GetString(1), rows.GetString(2), observation));
                }
            }
        }

        foreach (var group in seeds.GroupBy(s => (s.Platform, s.Account)))
        {
            await SqliteObservations.WriteAsync(connection, transaction, group.Key.Platform, group.Key.Account,
                group.Select(s => s.Observation), leaseLost: true, cancellationToken);
        }

        if (read > 0)
        {
            await SqliteBatchedBackfill.MarkAsync(connection, transaction, "post_observation_backfill", last, cancellationToken);
        }

        return read;
    }
}
