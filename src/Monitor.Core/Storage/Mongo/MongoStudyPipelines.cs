using Monitor.Core.Activity;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// The aggregation pipelines behind the study, as plain BSON stages (golden-tested as rendered). Fields as the Mongo
/// store writes them: posts {accountId, publishedAt, kind, language, metrics.reposts}, snapshots {capturedAt, meta.accountId, status}.
/// </summary>
internal static class MongoStudyPipelines
{
    /// <summary>Polls and successful polls (<c>ok</c>, <c>notModified</c>) per account in the window.</summary>
    public static BsonDocument[] Polls(ActivityWindow window) =>
    [
        new("$match", new BsonDocument("capturedAt", InWindow(window))),
        new("$group", new BsonDocument
        {
            { "_id", "$meta.accountId" },
            { "polls", new BsonDocument("$sum", 1) },
            { "successfulPolls", new BsonDocument("$sum", new BsonDocument("$cond", new BsonArray
                {
                    new BsonDocument("$in", new BsonArray { "$status", new BsonArray { "ok", "notModified" } }), 1, 0,
                })) },
        }),
    ];

    /// <summary>The oldest post before the window's end per account ($sort + $first, served by the (accountId, publishedAt) index).</summary>
    public static BsonDocument[] FirstPosts(ActivityWindow window) =>
    [
        new("$match", new BsonDocument("publishedAt", new BsonDocument("$lt", window.End.UtcDateTime))),
        new("$sort", new BsonDocument { { "accountId", 1 }, { "publishedAt", 1 } }),
        new("$group", new BsonDocument { { "_id", "$accountId" }, { "firstPostAt", new BsonDocument("$first", "$publishedAt") } }),
    ];

    /// <summary>
    /// Posts of kind post, reply or quote in the window whose repost count is known, and the sum of those counts.
    /// <c>$ne: null</c> matches only documents where the field exists and is not null (MongoDB query semantics).
    /// </summary>
    public static BsonDocument[] Reposts(ActivityWindow window) =>
    [
        new("$match", new BsonDocument
        {
            { "publishedAt", InWindow(window) },
            { "kind", new BsonDocument("$ne", "repost") },
            { "metrics.reposts", new BsonDocument("$ne", BsonNull.Value) },
        }),
        new("$group", new BsonDocument
        {
            { "_id", "$accountId" },
            { "measuredPosts", new BsonDocument("$sum", 1) },
            { "repostsReceived", new BsonDocument("$sum", "$metrics.reposts") },
        }),
    ];

    /// <summary>Posts per account and language in the window; a missing language groups as null ($ifNull).</summary>
    public static BsonDocument[] Languages(ActivityWindow window) =>
    [
        new("$match", new BsonDocument("publishedAt", InWindow(window))),
        new("$group", new BsonDocument
        {
            { "_id", new BsonDocument
                {
                    { "accountId", "$accountId" },
                    { "language", new BsonDocument("$ifNull", new BsonArray { "$language", BsonNull.Value }) },
                } },
            { "posts", new BsonDocument("$sum", 1) },
        }),
        new("$sort", new BsonDocument { { "_id.accountId", 1 }, { "_id.language", 1 } }),
    ];

    private static BsonDocument InWindow(ActivityWindow window) =>
        new() { { "$gte", window.Start.UtcDateTime }, { "$lt", window.End.UtcDateTime } };
}
