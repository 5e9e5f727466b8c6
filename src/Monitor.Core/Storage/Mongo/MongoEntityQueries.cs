using Monitor.Core.Activity;
using Monitor.Core.Activity.Network;
using Monitor.Core.Entities;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>Entity counts from MongoDB (<see cref="MongoEntityCommands.Counts"/>).</summary>
internal sealed class MongoEntityQueries(IMongoDatabase database) : IEntityQueries
{
    public async Task<IReadOnlyList<EntityCount>> QueryEntitiesAsync(ActivityWindow window, IReadOnlyCollection<EntityType> types, CancellationToken cancellationToken)
    {
        var results = await database.GetCollection<BsonDocument>(MongoSchema.Posts)
            .Aggregate(PipelineDefinition<BsonDocument, BsonDocument>.Create(MongoEntityCommands.Counts(window, types)), cancellationToken: cancellationToken)
            .ToListAsync(cancellationToken);
        return results.Select(ToCount).ToArray();
    }

    internal static EntityCount ToCount(BsonDocument result)
    {
        var key = result["_id"].AsBsonDocument;
        return new EntityCount(
            key["accountId"].AsString,
            EntityTypeNames.Parse(key["t"].AsString),
            key["v"].AsString,
            key.GetValue("id", BsonNull.Value) is { IsBsonNull: false } id ? id.AsString : null,
            result["posts"].ToInt64());
    }
}
