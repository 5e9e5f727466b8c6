using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Which start-up backfills have finished, one document per backfill in <c>migrations</c>: a finished backfill is not
/// looked for again, so a start does not scan every post for fields that all posts have had since.
/// </summary>
internal static class MongoBackfillMarks
{
    public const string Collection = "migrations";

    public static FilterDefinition<BsonDocument> Done(string name) => Builders<BsonDocument>.Filter.Eq("_id", name);

    public static async Task<bool> IsDoneAsync(IMongoDatabase database, string name, CancellationToken cancellationToken) =>
        await database.GetCollection<BsonDocument>(Collection).Find(Done(name)).Limit(1).AnyAsync(cancellationToken);

    /// <summary>The first finish time is kept: <c>{ $set: { finishedAt: { $ifNull: ["$finishedAt", now] } } }</c>, an upsert.</summary>
    public static UpdateDefinition<BsonDocument> MarkUpdate(MongoClock clock) =>
        new PipelineUpdateDefinition<BsonDocument>(new BsonDocument[]
        {
            new("$set", new BsonDocument("finishedAt", new BsonDocument("$ifNull", new BsonArray { "$finishedAt", clock.Now }))),
        });

    public static Task MarkDoneAsync(IMongoDatabase database, string name, MongoClock clock, CancellationToken cancellationToken) =>
        database.GetCollection<BsonDocument>(Collection).UpdateOneAsync(
            Done(name), MarkUpdate(clock), new UpdateOptions { IsUpsert = true }, cancellationToken);

    /// <summary>Runs <paramref name="backfill"/> unless it finished before, then marks it finished.</summary>
    public static async Task RunOnceAsync(IMongoDatabase database, MongoClock clock, string name, Func<Task> backfill, CancellationToken cancellationToken)
    {
        if (await IsDoneAsync(database, name, cancellationToken))
        {
            return;
        }

        await backfill();
        await MarkDoneAsync(database, name, clock, cancellationToken);
    }
}
