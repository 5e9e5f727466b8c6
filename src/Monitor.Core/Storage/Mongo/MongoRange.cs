using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>The export filter shared by posts and snapshots: one account, times in [From, To).</summary>
internal static class MongoRange
{
    public static FilterDefinition<BsonDocument> Filter(string accountField, string timeField, RecordFilter filter)
    {
        var builder = Builders<BsonDocument>.Filter;
        var conditions = new List<FilterDefinition<BsonDocument>>();
        if (filter.AccountId is not null)
        {
            conditions.Add(builder.Eq(accountField, filter.AccountId));
        }

        if (filter.From is { } from)
        {
            conditions.Add(builder.Gte(timeField, MongoBson.Of(from)));
        }

        if (filter.To is { } to)
        {
            conditions.Add(builder.Lt(timeField, MongoBson.Of(to)));
        }

        return conditions.Count == 0 ? builder.Empty : builder.And(conditions);
    }
}
