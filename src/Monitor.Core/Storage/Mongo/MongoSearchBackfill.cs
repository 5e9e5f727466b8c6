using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Gives every post stored before search its <c>searchTokens</c>, in batches: a post without the field is still to
/// do, so an interrupted run resumes where it stopped and several workers only repeat the same write.
/// </summary>
internal static class MongoSearchBackfill
{
    private const int BatchSize = 1000;

    public static BsonDocument Unindexed { get; } = new(MongoSearchCommands.Field, new BsonDocument("$exists", false));

    public static BsonDocument Projection { get; } = new() { { "_id", 1 }, { "title", 1 }, { "text", 1 } };

    public static async Task RunAsync(MongoCollections collections, CancellationToken cancellationToken)
    {
        while (true)
        {
            var batch = await collections.Posts.Find(Unindexed).Project(Projection).Limit(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var updates = batch.Select(post => new UpdateOneModel<BsonDocument>(
                new BsonDocument("_id", post["_id"]),
                new BsonDocument("$set", new BsonDocument(MongoSearchCommands.Field, MongoSearchCommands.Tokens(post.String("title"), post.String("text"))))));
            await collections.Posts.BulkWriteAsync(updates, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
    }
}
