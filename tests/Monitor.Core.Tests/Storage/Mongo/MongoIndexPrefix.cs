using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>
/// Which index can serve a pipeline's leading <c>$match</c> (and a <c>$sort</c> right after it), by MongoDB's
/// equality–sort–range rule (https://www.mongodb.com/docs/manual/tutorial/equality-sort-range-guideline/): the index
/// starts with every equality field (in any order), then the sort fields in order (all in the index's direction or
/// all reversed), then a range field unless the sort already has it. <c>$ne</c>, <c>$exists</c> and the like bound
/// no index and are ignored; <c>$expr</c> counts its <c>$eq</c> and comparison operators on <c>"$field"</c>.
/// </summary>
internal static class MongoIndexPrefix
{
    private static readonly HashSet<string> RangeOperators = ["$gt", "$gte", "$lt", "$lte"];

    private static RenderArgs<BsonDocument> Args => new(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry);

    /// <summary>The stages as the driver sends them.</summary>
    public static IReadOnlyList<BsonDocument> Render(BsonDocument[] stages) =>
        [.. PipelineDefinition<BsonDocument, BsonDocument>.Create(stages).Render(Args).Documents];

    /// <summary>The name of the first index in <paramref name="indexes"/> that serves the leading stages, or null.</summary>
    public static string? ServingIndex(IReadOnlyList<BsonDocument> stages, IEnumerable<CreateIndexModel<BsonDocument>> indexes)
    {
        var (equality, sort, range) = Shape(stages);
        if (equality.Count == 0 && sort.Count == 0 && range.Count == 0)
        {
            return null;
        }

        return indexes.FirstOrDefault(i => Serves(i.Keys.Render(Args), equality, sort, range))?.Options.Name;
    }

    private static (HashSet<string> Equality, List<(string Field, int Direction)> Sort, List<string> Range) Shape(IReadOnlyList<BsonDocument> stages)
    {
        var equality = new HashSet<string>(StringComparer.Ordinal);
        var range = new List<string>();
        var sort = new List<(string, int)>();
        var next = 0;
        if (stages.Count > 0 && stages[0].Contains("$match"))
        {
            Collect(stages[0]["$match"].AsBsonDocument, equality, range);
            next = 1;
        }

        if (stages.Count > next && stages[next].Contains("$sort"))
        {
            sort.AddRange(stages[next]["$sort"].AsBsonDocument.Select(e => (e.Name, e.Value.ToInt32())));
        }

        return (equality, sort, range);
    }

    private static void Collect(BsonDocument match, HashSet<string> equality, List<string> range)
    {
        foreach (var element in match)
        {
            if (element.Name == "$expr")
            {
                CollectExpression(element.Value, equality, range);
            }
            else if (element.Name is "$or" or "$nor")
            {
                // A disjunction is no equality or range on one field of the index: it adds nothing to the prefix.
            }
            else if (element.Name == "$and")
            {
                foreach (var part in element.Value.AsBsonArray)
                {
                    Collect(part.AsBsonDocument, equality, range);
                }
            }
            else if (!element.Value.IsBsonDocument || element.Value.AsBsonDocument.Names.Any(n => n is "$eq" or "$in"))
            {
                equality.Add(element.Name);
            }
            else if (element.Value.AsBsonDocument.Names.Any(RangeOperators.Contains))
            {
                range.Add(element.Name);
            }
        }
    }

    private static void CollectExpression(BsonValue expression, HashSet<string> equality, List<string> range)
    {
        if (!expression.IsBsonDocument || expression.AsBsonDocument.ElementCount != 1)
        {
            return;
        }

        var (op, args) = (expression.AsBsonDocument.GetElement(0).Name, expression.AsBsonDocument[0]);
        if (op == "$and")
        {
            foreach (var part in args.AsBsonArray)
            {
                CollectExpression(part, equality, range);
            }
        }
        else if (args is BsonArray { Count: 2 } pair && pair[0] is BsonString { Value: ['$', not '$', ..] field })
        {
            if (op == "$eq")
            {
                equality.Add(field[1..]);
            }
            else if (RangeOperators.Contains(op))
            {
                range.Add(field[1..]);
            }
        }
    }

    private static bool Serves(BsonDocument keys, HashSet<string> equality, List<(string Field, int Direction)> sort, List<string> range)
    {
        var index = keys.Select(k => (k.Name, k.Value.IsNumeric ? k.Value.ToInt32() : 0)).ToList();
        if (index.Count < equality.Count || !index.Take(equality.Count).All(k => equality.Contains(k.Name)))
        {
            return false;
        }

        var position = equality.Count;
        if (sort.Count > 0)
        {
            // Equality fields inside the sort are constant, so the index need not repeat them.
            var sorted = sort.Where(s => !equality.Contains(s.Field)).ToList();
            if (index.Count < position + sorted.Count)
            {
                return false;
            }

            var flip = sorted.Count > 0 ? index[position].Item2 * sorted[0].Direction : 1;
            for (var i = 0; i < sorted.Count; i++)
            {
                if (index[position + i].Name != sorted[i].Field || index[position + i].Item2 * sorted[i].Direction != flip)
                {
                    return false;
                }
            }

            position += sorted.Count;
            if (range.All(r => sorted.Any(s => s.Field == r)))
            {
                return true;
            }
        }

        return range.Count == 0 ? equality.Count > 0 || sort.Count > 0 : position < index.Count && range.Contains(index[position].Name);
    }
}
