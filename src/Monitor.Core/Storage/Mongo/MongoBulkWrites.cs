using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>Runs a batch of upserts as one unordered bulk write, treating a duplicate-key race as "already stored".</summary>
internal static class MongoBulkWrites
{
    private static readonly BulkWriteOptions Unordered = new() { IsOrdered = false };

    /// <summary>
    /// Writes the models and returns how many documents the upserts inserted. Two upserts of the same key racing on
    /// different workers can both miss and one fails with E11000 (https://www.mongodb.com/docs/manual/reference/method/db.collection.updateOne/#upsert-with-duplicate-values);
    /// the document now exists, so those models are retried once and take the update path.
    /// </summary>
    public static async Task<int> UpsertAsync(
        IMongoCollection<BsonDocument> collection, IReadOnlyList<WriteModel<BsonDocument>> models, ILogger logger, CancellationToken cancellationToken)
    {
        if (models.Count == 0)
        {
            return 0;
        }

        try
        {
            var result = await collection.BulkWriteAsync(models, Unordered, cancellationToken);
            return result.Upserts.Count;
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (IsOnlyDuplicateKeys(ex))
        {
            Log.MongoDuplicateKeyRace(logger, collection.CollectionNamespace.CollectionName, ex.WriteErrors.Count);

            // Unordered: every other model was applied; only the failed ones are sent again.
            var retry = ex.WriteErrors.Select(error => models[error.Index]).ToArray();
            var result = await collection.BulkWriteAsync(retry, Unordered, cancellationToken);
            return ex.Result.Upserts.Count + result.Upserts.Count;
        }
    }

    /// <summary>True when every error of the batch is a duplicate key (11000) and the write concern was met.</summary>
    public static bool IsOnlyDuplicateKeys(MongoBulkWriteException exception) =>
        exception.WriteConcernError is null
        && exception.WriteErrors.Count > 0
        && exception.WriteErrors.All(error => error.Category == ServerErrorCategory.DuplicateKey);
}
