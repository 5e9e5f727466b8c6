using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>The filters and sorts the store sends to the <c>snapshots</c> collection.</summary>
internal static class MongoSnapshotCommands
{
    /// <summary>
    /// Finds an already written snapshot of the same poll. Time-series collections neither allow upserts nor keep a
    /// unique index on <c>_id</c>, so "write once" is a lookup on (meta.accountId, capturedAt) before the insert;
    /// only the lease holder writes an account's snapshots, so the two steps do not race.
    /// </summary>
    public static FilterDefinition<BsonDocument> SamePoll(string accountId, DateTimeOffset capturedAt) =>
        Builders<BsonDocument>.Filter.And(
            Builders<BsonDocument>.Filter.Eq("meta.accountId", accountId),
            Builders<BsonDocument>.Filter.Eq("capturedAt", MongoBson.Of(capturedAt)));

    /// <summary>Snapshots captured in [From, To), optionally of one account.</summary>
    public static FilterDefinition<BsonDocument> Read(RecordFilter filter) =>
        MongoRange.Filter("meta.accountId", "capturedAt", filter);

    public static SortDefinition<BsonDocument> ReadSort(RecordFilter filter) => filter.AccountId is null
        ? Builders<BsonDocument>.Sort.Ascending("capturedAt").Ascending("meta.accountId")
        : Builders<BsonDocument>.Sort.Ascending("capturedAt");
}
