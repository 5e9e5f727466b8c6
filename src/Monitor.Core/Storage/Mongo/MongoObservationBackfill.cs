using Microsoft.Extensions.Logging;
using Monitor.Core.Posts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Seeds <c>post_metric_observations</c> from posts stored before observations were kept: each post's stored counts
/// as observed at its last-seen time, insert-only (a bucket that has an observation keeps it). Posts are read in
/// <c>_id</c> order in batches; an interrupted run starts again and only repeats writes that change nothing, and
/// <see cref="MongoBackfillMarks"/> stops it from running again once finished.
/// </summary>
internal static class MongoObservationBackfill
{
    private const int BatchSize = 1000;

    public static BsonDocument Projection { get; } = new()
    {
        { "_id", 1 }, { "platform", 1 }, { "accountId", 1 }, { "postId", 1 }, { "kind", 1 }, { "publishedAt", 1 },
        { "publishedAtEstimated", 1 }, { "lastSeenAt", 1 }, { "metrics", 1 },
    };

    /// <summary>Posts with counts after <paramref name="after"/> in <c>_id</c> order (<c>$ne: null</c> also skips a missing field).</summary>
    public static FilterDefinition<BsonDocument> After(BsonValue? after) => Builders<BsonDocument>.Filter.And(
        Builders<BsonDocument>.Filter.Ne("metrics", BsonNull.Value),
        after is null ? Builders<BsonDocument>.Filter.Empty : Builders<BsonDocument>.Filter.Gt("_id", after));

    public static async Task RunAsync(MongoCollections collections, ILogger logger, CancellationToken cancellationToken)
    {
        BsonValue? last = null;
        while (true)
        {
            var batch = await collections.Posts.Find(After(last)).Sort(new BsonDocument("_id", 1)).Project(Projection).Limit(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            last = batch[^1]["_id"];
            // A worker's poll may upsert the same observation meanwhile: that race is "already stored".
            await MongoBulkWrites.UpsertAsync(collections.Observations, batch.SelectMany(Seed).ToArray(), logger, cancellationToken);
        }
    }

    /// <summary>The insert-only upsert of one stored post's observation, or none.</summary>
    public static IEnumerable<WriteModel<BsonDocument>> Seed(BsonDocument document)
    {
        var post = new Post
        {
            PostId = document.RequiredString("postId"),
            Kind = PostKindNames.Parse(document.String("kind") ?? "post"),
            PublishedAt = document.RequiredDate("publishedAt"),
            PublishedAtEstimated = document.Bool("publishedAtEstimated"),
            Metrics = MongoPostDocuments.MetricsOf(document.Document("metrics")),
        };
        return MetricObservation.Observe(post, document.RequiredDate("lastSeenAt")) is { } observation
            ? MongoObservationCommands.Upserts(document.RequiredString("platform"), document.RequiredString("accountId"), [observation], leaseLost: true)
            : [];
    }
}
