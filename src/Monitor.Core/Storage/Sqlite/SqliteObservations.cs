using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Migration 5's table <c>post_metric_observations</c>: at most one row per (post, age bucket), the observation
/// nearest the bucket's age (<see cref="MetricObservation.Replaces"/>). A poll writes all its observations in one
/// statement inside its write transaction: the rows go in as one JSON array, and the upsert's WHERE keeps a stored
/// row unless the new one is strictly nearer (never, when the poll lost its lease).
/// </summary>
internal static class SqliteObservations
{
    public const string CreateTable = """
        CREATE TABLE IF NOT EXISTS post_metric_observations (
            platform TEXT NOT NULL,
            account_id TEXT NOT NULL,
            post_id TEXT NOT NULL,
            bucket TEXT NOT NULL,
            kind TEXT NOT NULL,
            published_at INTEGER NOT NULL,
            observed_at INTEGER NOT NULL,
            distance_ms INTEGER NOT NULL,
            replies INTEGER,
            reposts INTEGER,
            likes INTEGER,
            quotes INTEGER,
            views INTEGER,
            PRIMARY KEY (platform, account_id, post_id, bucket));
        CREATE INDEX IF NOT EXISTS ix_observations_account_published ON post_metric_observations (account_id, published_at, post_id);
        """;

    public const string Columns = "post_id, kind, published_at, observed_at, bucket, replies, reposts, likes, views, quotes";

    // "WHERE true" after the SELECT: SQLite's parser needs it before ON CONFLICT (https://sqlite.org/lang_upsert.html, 2.2).
    private const string UpsertSql = """
        INSERT INTO post_metric_observations (platform, account_id, post_id, bucket, kind, published_at, observed_at, distance_ms,
            replies, reposts, likes, quotes, views)
        SELECT $platform, $account, json_extract(value, '$.post'), json_extract(value, '$.bucket'), json_extract(value, '$.kind'),
            json_extract(value, '$.published'), json_extract(value, '$.observed'), json_extract(value, '$.distance'),
            json_extract(value, '$.replies'), json_extract(value, '$.reposts'), json_extract(value, '$.likes'),
            json_extract(value, '$.quotes'), json_extract(value, '$.views')
        FROM json_each($rows) WHERE true
        ON CONFLICT (platform, account_id, post_id, bucket) DO UPDATE SET
            kind = excluded.kind, published_at = excluded.published_at, observed_at = excluded.observed_at,
            distance_ms = excluded.distance_ms, replies = excluded.replies, reposts = excluded.reposts,
            likes = excluded.likes, quotes = excluded.quotes, views = excluded.views
        WHERE $leaseLost = 0 AND excluded.distance_ms < post_metric_observations.distance_ms;
        """;

    public static Task WriteAsync(
        WriteScope write, string platform, string accountId, IEnumerable<MetricObservation> observations, bool leaseLost, CancellationToken cancellationToken) =>
        WriteAsync(write.Connection, write.Transaction, platform, accountId, observations, leaseLost, cancellationToken);

    /// <summary>Writes the observations; with <c>leaseLost</c> (a fenced poll, the backfill) only for buckets that have none.</summary>
    public static async Task WriteAsync(
        SqliteConnection connection, SqliteTransaction transaction, string platform, string accountId, IEnumerable<MetricObservation> observations,
        bool leaseLost, CancellationToken cancellationToken)
    {
        var rows = ToJson(observations);
        if (rows is null)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = UpsertSql;
        command.Bind("$platform", platform);
        command.Bind("$account", accountId);
        command.Bind("$rows", rows);
        command.Bind("$leaseLost", leaseLost);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static MetricObservation Read(SqliteDataReader row) => new(
        row.GetString(0),
        PostKindNames.Parse(row.GetString(1)),
        row.GetTime(2),
        row.GetTime(3),
        MetricAgeBuckets.ParseWireName(row.GetString(4)),
        PostMetrics.Of(row.GetInt64OrNull(5), row.GetInt64OrNull(6), row.GetInt64OrNull(7), row.GetInt64OrNull(8), row.GetInt64OrNull(9))
            ?? new PostMetrics());

    /// <summary>The observations as a JSON array of flat objects, or null when there are none.</summary>
    private static string? ToJson(IEnumerable<MetricObservation> observations)
    {
        using var buffer = new MemoryStream();
        var count = 0;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var o in observations)
            {
                json.WriteStartObject();
                json.WriteString("post", o.PostId);
                json.WriteString("bucket", o.Bucket.ToWireName());
                json.WriteString("kind", o.Kind.ToWireName());
                json.WriteNumber("published", o.PublishedAt.ToUnixTimeMilliseconds());
                json.WriteNumber("observed", o.ObservedAt.ToUnixTimeMilliseconds());
                json.WriteNumber("distance", (long)o.Distance.TotalMilliseconds);
                WriteCount(json, "replies", o.Metrics.Replies);
                WriteCount(json, "reposts", o.Metrics.Reposts);
                WriteCount(json, "likes", o.Metrics.Likes);
                WriteCount(json, "quotes", o.Metrics.Quotes);
                WriteCount(json, "views", o.Metrics.Views);
                json.WriteEndObject();
                count++;
            }

            json.WriteEndArray();
        }

        return count == 0 ? null : Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCount(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
