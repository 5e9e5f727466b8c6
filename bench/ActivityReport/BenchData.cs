using Microsoft.Data.Sqlite;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Bench;

/// <summary>Fills a SQLite file with the store's schema (its real migrations) and a deterministic, skewed synthetic history.</summary>
internal static class BenchData
{
    public static readonly DateTimeOffset HistoryEnd = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Platforms = ["rss", "mastodon", "bluesky", "youtube", "x", "facebook", "telegram"];
    private static readonly string[] Actors = ["HeadOfState", "HeadOfGovernment", "ForeignMinistry", "ForeignMinister", "Embassy", "Mission", "Ambassador", "Other"];
    private static readonly string[] Kinds = ["post", "post", "post", "post", "post", "post", "post", "reply", "reply", "repost"];

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

        using (var insert = BenchSql.Prepare(connection, transaction, "INSERT INTO accounts (id, platform, handle, country, actor, enabled, last_status) VALUES ($1,$2,$3,$4,$5,1,'ok')", 5))
        {
            for (var a = 0; a < accounts; a++)
            {
                BenchSql.Exec(insert, AccountId(a), Platforms[a % Platforms.Length], $"h{a}", $"C{a % 200:000}", Actors[a % Actors.Length]);
            }
        }

        using (var insert = BenchSql.Prepare(connection, transaction,
            "INSERT INTO posts (platform, account_id, post_id, published_at, published_at_estimated, kind, content_hash, first_seen_at, last_seen_at) VALUES ($1,$2,$3,$4,0,$5,$6,$4,$4)", 6))
        {
            for (var p = 0; p < posts; p++)
            {
                // Skewed: low account numbers post far more, as ministries do compared with small missions.
                var a = (int)(accounts * random.NextDouble() * random.NextDouble());
                BenchSql.Exec(insert, Platforms[a % Platforms.Length], AccountId(a), p.ToString("x", System.Globalization.CultureInfo.InvariantCulture),
                    start + (long)(random.NextDouble() * span), Kinds[random.Next(Kinds.Length)], contentHash);
            }
        }

        using (var insert = BenchSql.Prepare(connection, transaction,
            "INSERT INTO snapshots (account_id, platform, captured_at, status, new_posts, seen_posts, followers, posts_total, duration_ms) VALUES ($1,$2,$3,'ok',0,0,$4,$5,0)", 5))
        {
            for (var a = 0; a < accounts; a++)
            {
                for (var day = 0; day < historyDays; day += 7)
                {
                    var at = start + (day * 86_400_000L) + (a * 1000L);
                    BenchSql.Exec(insert, AccountId(a), Platforms[a % Platforms.Length], at, 1000 + (a % 97 * day), Platforms[a % Platforms.Length] == "bluesky" ? null : 10_000 + day);
                }
            }
        }

        transaction.Commit();
        BenchSql.Run(connection, null, "ANALYZE");
    }

    private static string AccountId(int a) => $"acc{a:00000}";
}
