using Monitor.Core.Posts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Gives every post stored before entity extraction its <c>entities</c>, in batches: a post without the field is still
/// to do, so an interrupted run resumes where it stopped. Stored posts carry no wire entities, so this extracts from
/// title and text (and a repost's author).
/// </summary>
internal static class MongoEntityBackfill
{
    private const int BatchSize = 1000;

    public static BsonDocument Unindexed { get; } = new(MongoEntityCommands.Field, new BsonDocument("$exists", false));

    public static BsonDocument Projection { get; } = new()
    {
        { "_id", 1 }, { "platform", 1 }, { "kind", 1 }, { "title", 1 }, { "text", 1 }, { "author", 1 }, { "publishedAt", 1 },
    };

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
                new BsonDocument("$set", new BsonDocument(MongoEntityCommands.Field, Entities(post)))));
            await collections.Posts.BulkWriteAsync(updates, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
    }

    internal static BsonArray Entities(BsonDocument stored) => MongoEntityCommands.Of(stored.String("platform") ?? string.Empty, new Post
    {
        PostId = string.Empty,
        PublishedAt = DateTimeOffset.UnixEpoch,
        Kind = PostKindNames.Parse(stored.String("kind") ?? "post"),
        Title = stored.String("title"),
        Text = stored.String("text"),
        Author = stored.String("author"),
    });
}
