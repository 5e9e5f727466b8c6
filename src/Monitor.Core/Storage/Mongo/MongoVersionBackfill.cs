using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Gives every post stored before versions were kept its version 1 (<c>created</c>, at its first-seen time, from
/// what is stored), in batches that can be interrupted and resumed: a post is marked (<c>latestVersion: 1</c>) only
/// after its version is written, and a repeated version insert collapses on the unique index.
/// </summary>
internal static class MongoVersionBackfill
{
    private const int BatchSize = 1000;

    public static FilterDefinition<BsonDocument> Unversioned { get; } = Builders<BsonDocument>.Filter.Exists("latestVersion", false);

    public static async Task RunAsync(MongoCollections collections, ILogger logger, CancellationToken cancellationToken)
    {
        long done = 0;
        while (true)
        {
            var batch = await collections.Posts.Find(Unversioned).Limit(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return;
            }

            var versions = batch.Select(post => MongoVersionDocuments.Initial(post)).ToArray();
            try
            {
                await collections.Versions.InsertManyAsync(versions, new InsertManyOptions { IsOrdered = false }, cancellationToken);
            }
            catch (MongoBulkWriteException<BsonDocument> ex) when (MongoBulkWrites.IsOnlyDuplicateKeys(ex))
            {
                // Written by an interrupted run or another worker: already there.
            }

            var ids = batch.Select(post => post["_id"]).ToArray();
            await collections.Posts.UpdateManyAsync(
                Builders<BsonDocument>.Filter.In("_id", ids),
                Builders<BsonDocument>.Update.Set("latestVersion", 1).Set("normaliserVersion", 1).Set("absentChecks", 0),
                cancellationToken: cancellationToken);
            done += batch.Count;
            Log.MigrationProgress(logger, $"MongoDB: {done} stored posts given their first version.");
            SystemdNotifier.ExtendStartTimeout(TimeSpan.FromMinutes(2));
        }
    }
}
