using Microsoft.Data.Sqlite;
using Monitor.Core.Posts;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Bench;

/// <summary>
/// A SQLite file with the store's schema (its real migrations) and a deterministic, skewed history with counts: posts
/// of platforms that give counts carry likes, reposts, replies (quotes on Bluesky and X, views on X, YouTube and
/// Telegram), and each such post has the observations polls would keep at 1 h, 24 h and 7 d.
/// </summary>
internal static class EngagementBenchData
{
    public static readonly DateTimeOffset HistoryEnd = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Platforms = ["rss", "mastodon", "bluesky", "youtube", "x", "facebook", "telegram"];
    private static readonly string[] Kinds = ["post", "post", "post", "post", "post", "post", "post", "reply", "quote", "repost"];
    private static readonly TimeSpan[] ObservedAt = [TimeSpan.FromMinutes(55), TimeSpan.FromHours(23), TimeSpan.FromDays(7.2)];

    public static async Task LoadAsync(string path, int accounts, int posts, int historyDays)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        await SqliteSchema.MigrateAsync(connection, CancellationToken.None);
        var contentHash = ContentHash.Compute(new Post { PostId = "-", PublishedAt = DateTimeOffset.UnixEpoch });
        using var transaction = connection.BeginTransaction();
        var random = new Random(42);
        var start = HistoryEnd.AddDays(-historyDays).ToUnixTimeMilliseconds();
        var span = HistoryEnd.ToUnixTimeMilliseconds() - start;

        using (var insert = BenchSql.Prepare(connection, transaction, "INSERT INTO accounts (id, platform, handle, country, actor, enabled, last_status) VALUES ($1,$2,$3,$4,'Embassy',1,'ok')", 4))
        {
            for (var a = 0; a < accounts; a++)
            {
                BenchSql.Exec(insert, AccountId(a), Platforms[a % Platforms.Length], $"h{a}", $"C{a % 200:000}");
            }
        }

        using var post = BenchSql.Prepare(connection, transaction, """
            INSERT INTO posts (platform, account_id, post_id, published_at, published_at_estimated, kind, content_hash, first_seen_at, last_seen_at,
                likes, reposts, replies, quotes, views)
            VALUES ($1,$2,$3,$4,0,$5,$6,$4,$7,$8,$9,$10,$11,$12)
            """, 12);
        using var observation = BenchSql.Prepare(connection, transaction, """
            INSERT INTO post_metric_observations (platform, account_id, post_id, bucket, kind, published_at, observed_at, distance_ms,
                likes, reposts, replies, quotes, views)
            VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)
            """, 13);
        for (var p = 0; p < posts; p++)
        {
            // Skewed: low account numbers post far more, as ministries do compared with small missions.
            var a = (int)(accounts * random.NextDouble() * random.NextDouble());
            var platform = Platforms[a % Platforms.Length];
            var id = p.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
            var published = start + (long)(random.NextDouble() * span);
            var kind = Kinds[random.Next(Kinds.Length)];
            var counts = platform != "rss";
            var likes = counts ? (long?)random.Next(0, 50 + (a < 100 ? 5000 : 200)) : null;
            long? Share(int divisor) => likes / divisor;
            long? quotes = platform is "bluesky" or "x" ? Share(20) : null;
            long? views = platform is "x" or "youtube" or "telegram" ? likes * 40 : null;
            BenchSql.Exec(post, platform, AccountId(a), id, published, kind, contentHash, published + (long)ObservedAt[^1].TotalMilliseconds,
                likes, Share(5), Share(12), quotes, views);
            if (!counts)
            {
                continue;
            }

            foreach (var age in ObservedAt)
            {
                var observed = published + (long)age.TotalMilliseconds;
                var bucket = MetricAgeBuckets.Of(age)!.Value;
                var share = age.TotalDays >= 7 ? 1.0 : age.TotalHours / 200;
                long? Part(long? total) => total is { } t ? (long)(t * share) : null;
                BenchSql.Exec(observation, platform, AccountId(a), id, bucket.ToWireName(), kind, published, observed,
                    (long)MetricAgeBuckets.DistanceOf(bucket, age).TotalMilliseconds, Part(likes), Part(Share(5)), Part(Share(12)), Part(quotes), Part(views));
            }
        }

        transaction.Commit();
        BenchSql.Run(connection, null, "ANALYZE");
    }

    private static string AccountId(int a) => $"acc{a:00000}";
}
