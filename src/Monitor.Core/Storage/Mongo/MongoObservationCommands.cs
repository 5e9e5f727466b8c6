using Monitor.Core.Posts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// <c>post_metric_observations</c>: one document per (platform, accountId, postId, bucket) holding
/// { kind, publishedAt, observedAt, distanceMs, metrics: { replies, reposts, likes, quotes, views } }. Each is an
/// upsert whose update is a pipeline: every field takes the new value only when the stored document has no
/// <c>distanceMs</c> yet (just inserted) or, unless the lease was lost, a larger one (<see cref="MetricObservation.Replaces"/>).
/// Writing the same observation twice changes nothing (an equal distance keeps the stored one).
/// </summary>
internal static class MongoObservationCommands
{
    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    public static FilterDefinition<BsonDocument> Identity(string platform, string accountId, string postId, MetricAgeBucket bucket) => Filter.And(
        Filter.Eq("platform", platform), Filter.Eq("accountId", accountId), Filter.Eq("postId", postId), Filter.Eq("bucket", bucket.ToWireName()));

    public static IReadOnlyList<WriteModel<BsonDocument>> Upserts(string platform, string accountId, IEnumerable<MetricObservation> observations, bool leaseLost) =>
        observations.Select(o => (WriteModel<BsonDocument>)new UpdateOneModel<BsonDocument>(
            Identity(platform, accountId, o.PostId, o.Bucket), Update(o, leaseLost)) { IsUpsert = true }).ToArray();

    /// <summary><c>[{ $set: { field: { $cond: [wins, { $literal: value }, "$field"] }, … } }]</c>.</summary>
    public static UpdateDefinition<BsonDocument> Update(MetricObservation observation, bool leaseLost)
    {
        var absent = new BsonDocument("$eq", new BsonArray { new BsonDocument("$type", "$distanceMs"), "missing" });
        var distance = (long)observation.Distance.TotalMilliseconds;
        var wins = leaseLost
            ? absent
            : new BsonDocument("$or", new BsonArray { absent, new BsonDocument("$lt", new BsonArray { distance, "$distanceMs" }) });
        var values = new BsonDocument
        {
            { "kind", observation.Kind.ToWireName() },
            { "publishedAt", MongoBson.Of(observation.PublishedAt) },
            { "observedAt", MongoBson.Of(observation.ObservedAt) },
            { "distanceMs", distance },
            { "metrics", new BsonDocument
                {
                    { "replies", MongoBson.Of(observation.Metrics.Replies) },
                    { "reposts", MongoBson.Of(observation.Metrics.Reposts) },
                    { "likes", MongoBson.Of(observation.Metrics.Likes) },
                    { "quotes", MongoBson.Of(observation.Metrics.Quotes) },
                    { "views", MongoBson.Of(observation.Metrics.Views) },
                } },
        };

        // $literal: a value is never read as a field path or an operator (https://www.mongodb.com/docs/manual/reference/operator/aggregation/literal/).
        var set = new BsonDocument(values.Select(field => new BsonElement(field.Name,
            new BsonDocument("$cond", new BsonArray { wins, new BsonDocument("$literal", field.Value), "$" + field.Name }))));
        return new PipelineUpdateDefinition<BsonDocument>(new[] { new BsonDocument("$set", set) });
    }

    /// <summary>An account's observations of posts published before <paramref name="before"/>, served by <c>observations_account_published</c>.</summary>
    public static FilterDefinition<BsonDocument> OfAccount(string accountId, DateTimeOffset before) =>
        Filter.And(Filter.Eq("accountId", accountId), Filter.Lt("publishedAt", before.UtcDateTime));

    public static SortDefinition<BsonDocument> OldestFirst { get; } =
        Builders<BsonDocument>.Sort.Ascending("accountId").Ascending("publishedAt").Ascending("postId");

    public static MetricObservation ToObservation(BsonDocument document) => new(
        document.RequiredString("postId"),
        PostKindNames.Parse(document.String("kind") ?? "post"),
        document.RequiredDate("publishedAt"),
        document.RequiredDate("observedAt"),
        MetricAgeBuckets.ParseWireName(document.RequiredString("bucket")),
        MongoPostDocuments.MetricsOf(document.Document("metrics")) ?? new PostMetrics());
}
