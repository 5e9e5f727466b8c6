using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>
/// Which index serves a query's leading filter and sort, by MongoDB's rules for index bounds and sorts
/// (https://www.mongodb.com/docs/manual/tutorial/sort-results-with-indexes/): the index's keys start with the
/// filter's equality fields, then may bound one range field; a sort must continue the keys from after the equality
/// prefix, in order. Fields matched with other operators (<c>$ne</c>, <c>$in</c>) do not bound the scan. Returns the
/// first serving index's name, or null.
/// </summary>
internal static class MongoIndexCoverage
{
    private static readonly HashSet<string> RangeOperators = new(StringComparer.Ordinal) { "$gt", "$gte", "$lt", "$lte" };

    public static string? Serving(IEnumerable<CreateIndexModel<BsonDocument>> indexes, BsonDocument filter, BsonDocument? sort = null) =>
        indexes.FirstOrDefault(index => Serves(Keys(index), filter, sort))?.Options.Name;

    private static string[] Keys(CreateIndexModel<BsonDocument> index) =>
        index.Keys.Render(new RenderArgs<BsonDocument>(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry)).Names.ToArray();

    private static bool Serves(string[] keys, BsonDocument filter, BsonDocument? sort)
    {
        var equality = filter.Names.Where(n => filter[n] is not BsonDocument).ToHashSet(StringComparer.Ordinal);
        var ranges = filter.Names.Where(n => filter[n] is BsonDocument operators && operators.Names.All(RangeOperators.Contains)).ToHashSet(StringComparer.Ordinal);
        var prefix = 0;
        while (prefix < keys.Length && equality.Contains(keys[prefix]))
        {
            prefix++;
        }

        var bounded = prefix < keys.Length && ranges.Contains(keys[prefix]) ? prefix + 1 : prefix;
        if (bounded == 0)
        {
            return false;
        }

        var sortKeys = sort?.Names.Where(n => !equality.Contains(n)).ToArray() ?? [];
        return sortKeys.Length <= keys.Length - prefix && sortKeys.Select((key, i) => keys[prefix + i] == key).All(same => same);
    }
}
