using System.Runtime.CompilerServices;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Engagement;
using Monitor.Core.Posts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>The engagement report's reads from MongoDB (<see cref="MongoEngagementPipelines"/>, <see cref="MongoObservationCommands"/>).</summary>
internal sealed class MongoEngagementQueries(IMongoDatabase database) : IEngagementQueries
{
    public async Task<IReadOnlyList<AccountEngagementFacts>> QueryAccountsAsync(ActivityWindow window, CancellationToken cancellationToken) =>
        (await AggregateAsync(MongoEngagementPipelines.Accounts(window), cancellationToken)).Select(ToFacts).ToArray();

    public async Task<IReadOnlyList<EngagementPost>> QueryTopPostsAsync(
        ActivityWindow window, IReadOnlyCollection<string> accountIds, int top, CancellationToken cancellationToken) =>
        (await AggregateAsync(MongoEngagementPipelines.TopPosts(window, accountIds, top), cancellationToken)).Select(ToPost).ToArray();

    public async IAsyncEnumerable<MetricObservation> ReadObservationsAsync(
        string accountId, DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cursor = await database.GetCollection<BsonDocument>(MongoSchema.Observations)
            .Find(MongoObservationCommands.OfAccount(accountId, before))
            .Sort(MongoObservationCommands.OldestFirst)
            .ToCursorAsync(cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return MongoObservationCommands.ToObservation(document);
            }
        }
    }

    internal static AccountEngagementFacts ToFacts(BsonDocument result) => new(
        result["_id"].AsString,
        result.Long("posts") ?? 0,
        result.Long("measuredPosts") ?? 0,
        result.Long("likes") ?? 0,
        result.Long("reposts") ?? 0,
        result.Long("replies") ?? 0,
        result.Long("quotes") ?? 0,
        result.Long("viewedPosts") ?? 0,
        result.Long("views") ?? 0);

    internal static EngagementPost ToPost(BsonDocument document) => new(
        document.RequiredString("platform"),
        document.RequiredString("accountId"),
        document.RequiredString("postId"),
        document.String("url"),
        PostKindNames.Parse(document.String("kind") ?? "post"),
        document.RequiredDate("publishedAt"),
        MongoPostDocuments.MetricsOf(document.Document("metrics")) ?? new PostMetrics());

    private async Task<List<BsonDocument>> AggregateAsync(BsonDocument[] stages, CancellationToken cancellationToken)
    {
        var pipeline = PipelineDefinition<BsonDocument, BsonDocument>.Create(stages);
        using var cursor = await database.GetCollection<BsonDocument>(MongoSchema.Posts)
            .AggregateAsync(pipeline, new AggregateOptions { AllowDiskUse = true }, cancellationToken);
        return await cursor.ToListAsync(cancellationToken);
    }
}
