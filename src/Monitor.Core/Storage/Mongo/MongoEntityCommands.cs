using Monitor.Core.Activity;
using Monitor.Core.Entities;
using Monitor.Core.Posts;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// A post's entities as the array <c>entities: [{ t: type, v: value, id?: platformId }]</c> on its document, written with
/// the post (<see cref="PostEntityRules"/>), and the pipeline that counts them. The index <c>posts_entities</c>
/// (<c>entities.t, publishedAt, accountId</c>) is multikey on <c>entities.t</c> only, so its bounds on the scalar
/// <c>publishedAt</c> intersect with the type's (https://www.mongodb.com/docs/manual/core/indexes/index-types/index-multikey/multikey-index-bounds/).
/// </summary>
internal static class MongoEntityCommands
{
    public const string Field = "entities";

    public static BsonArray Of(string platform, Post post) => new(PostEntityRules.For(platform, post).Select(e =>
    {
        var document = new BsonDocument { { "t", e.Type.ToWireName() }, { "v", e.Value } };
        if (e.PlatformId is not null)
        {
            document.Add("id", e.PlatformId);
        }

        return document;
    }));

    /// <summary>The post's stored entities; none when the array is missing (stored before entities were kept).</summary>
    public static IEnumerable<PostEntity> Read(BsonDocument post) =>
        post.TryGetValue(Field, out var value) && value.IsBsonArray
            ? value.AsBsonArray.OfType<BsonDocument>().Select(e => new PostEntity(
                EntityTypeNames.Parse(e["t"].AsString), e["v"].AsString, e.TryGetValue("id", out var id) && id.IsString ? id.AsString : null))
            : [];

    /// <summary>
    /// Posts per (account, type, value, id) in the window: the leading <c>$match</c> on type and time is served by
    /// <c>posts_entities</c>; <c>$unwind</c> then keeps one document per entity, the second <c>$match</c> the wanted types.
    /// </summary>
    public static BsonDocument[] Counts(ActivityWindow window, IReadOnlyCollection<EntityType> types)
    {
        var wanted = new BsonDocument("$in", new BsonArray(types.Select(t => t.ToWireName())));
        return
        [
            new("$match", new BsonDocument
            {
                { Field + ".t", wanted },
                { "publishedAt", new BsonDocument { { "$gte", window.Start.UtcDateTime }, { "$lt", window.End.UtcDateTime } } },
            }),
            new("$unwind", "$" + Field),
            new("$match", new BsonDocument(Field + ".t", wanted.DeepClone())),
            new("$group", new BsonDocument
            {
                { "_id", new BsonDocument { { "accountId", "$accountId" }, { "t", "$entities.t" }, { "v", "$entities.v" }, { "id", "$entities.id" } } },
                { "posts", new BsonDocument("$sum", 1) },
            }),
        ];
    }
}
