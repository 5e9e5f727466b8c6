using Monitor.Core.Activity;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// The engagement report's pipelines over <c>posts</c>, as plain BSON stages. Both lead with a <c>$match</c> on the
/// <c>publishedAt</c> range, served by the <c>posts_published</c> index; <c>deletedAt: null</c> matches a null or
/// missing field, and <c>$sum</c> skips non-numeric values (https://www.mongodb.com/docs/manual/reference/operator/aggregation/sum/),
/// so an unknown count adds nothing, as SQLite's <c>sum()</c> skips NULL.
/// </summary>
internal static class MongoEngagementPipelines
{
    private static readonly string[] Interactions = ["$metrics.likes", "$metrics.reposts", "$metrics.replies", "$metrics.quotes"];

    /// <summary>Per account: counted posts, measured posts, the four sums, viewed posts and views.</summary>
    public static BsonDocument[] Accounts(ActivityWindow window) =>
    [
        new("$match", Counted(window)),
        new("$group", new BsonDocument
        {
            { "_id", "$accountId" },
            { "posts", new BsonDocument("$sum", 1) },
            { "measuredPosts", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray { Measured(), 1, 0 })) },
            { "likes", new BsonDocument("$sum", "$metrics.likes") },
            { "reposts", new BsonDocument("$sum", "$metrics.reposts") },
            { "replies", new BsonDocument("$sum", "$metrics.replies") },
            { "quotes", new BsonDocument("$sum", "$metrics.quotes") },
            { "viewedPosts", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray { new BsonDocument("$isNumber", "$metrics.views"), 1, 0 })) },
            { "views", new BsonDocument("$sum", "$metrics.views") },
        }),
        new("$sort", new BsonDocument("_id", 1)),
    ];

    /// <summary>The measured posts of these accounts with the most interactions; $sort + $limit keep only the top in memory.</summary>
    public static BsonDocument[] TopPosts(ActivityWindow window, IEnumerable<string> accountIds, int top) =>
    [
        new("$match", Counted(window).Add("accountId", new BsonDocument("$in", new BsonArray(accountIds)))),
        new("$addFields", new BsonDocument
        {
            { "interactions", new BsonDocument("$add", new BsonArray(Interactions.Select(f => new BsonDocument("$ifNull", new BsonArray { f, 0 })))) },
            { "measured", Measured() },
        }),
        new("$match", new BsonDocument("measured", true)),
        new("$sort", new BsonDocument { { "interactions", -1 }, { "accountId", 1 }, { "postId", 1 } }),
        new("$limit", top),
        new("$project", new BsonDocument
        {
            { "_id", 0 }, { "platform", 1 }, { "accountId", 1 }, { "postId", 1 }, { "url", 1 }, { "kind", 1 }, { "publishedAt", 1 }, { "metrics", 1 },
        }),
    ];

    private static BsonDocument Counted(ActivityWindow window) => new()
    {
        { "publishedAt", new BsonDocument { { "$gte", window.Start.UtcDateTime }, { "$lt", window.End.UtcDateTime } } },
        { "kind", new BsonDocument("$ne", "repost") },
        { "deletedAt", BsonNull.Value },
    };

    /// <summary>At least one of likes, reposts, replies, quotes is a number.</summary>
    private static BsonDocument Measured() => new("$or", new BsonArray(Interactions.Select(f => new BsonDocument("$isNumber", f))));
}
