using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>The queries behind <see cref="IRecentRecordReader"/>, each in the order of an index the schema creates.</summary>
internal static class MongoRecentCommands
{
    /// <summary>Every post of the account, deleted ones included; walked backwards on posts_account_published.</summary>
    public static FilterDefinition<BsonDocument> AccountPosts(string accountId) =>
        Builders<BsonDocument>.Filter.Eq("accountId", accountId);

    public static SortDefinition<BsonDocument> NewestPostsSort { get; } =
        Builders<BsonDocument>.Sort.Descending("publishedAt").Descending("postId");

    /// <summary>Every snapshot of the account; walked backwards on snapshots_account_captured.</summary>
    public static FilterDefinition<BsonDocument> AccountSnapshots(string accountId) =>
        Builders<BsonDocument>.Filter.Eq("meta.accountId", accountId);

    public static SortDefinition<BsonDocument> NewestSnapshotsSort { get; } =
        Builders<BsonDocument>.Sort.Descending("capturedAt");

    /// <summary>One post's versions; served by the unique versions index (platform, accountId, postId, version).</summary>
    public static FilterDefinition<BsonDocument> PostVersions(string platform, string accountId, string postId) =>
        MongoPostCommands.Identity(platform, accountId, postId);

    public static SortDefinition<BsonDocument> PostVersionsSort { get; } = Builders<BsonDocument>.Sort.Ascending("version");

    public static FilterDefinition<BsonDocument> EnabledAccounts { get; } = Builders<BsonDocument>.Filter.Eq("enabled", true);

    public static ProjectionDefinition<BsonDocument> IdOnly { get; } = Builders<BsonDocument>.Projection.Include("_id");

    /// <summary>
    /// Posts of the given (enabled) accounts published in [from, to), grouped by UTC day (<c>yyyy-MM-dd</c>; $dateToString
    /// formats in UTC without a timezone) and platform, by day then platform. The $match is served by posts_published.
    /// </summary>
    public static BsonDocument[] PostsByDayAndPlatform(DateTimeOffset from, DateTimeOffset to, IEnumerable<string> accountIds) =>
    [
        new("$match", new BsonDocument
        {
            { "publishedAt", new BsonDocument { { "$gte", from.UtcDateTime }, { "$lt", to.UtcDateTime } } },
            { "accountId", new BsonDocument("$in", new BsonArray(accountIds)) },
        }),
        new("$group", new BsonDocument
        {
            { "_id", new BsonDocument
                {
                    { "day", new BsonDocument("$dateToString", new BsonDocument { { "format", "%Y-%m-%d" }, { "date", "$publishedAt" } }) },
                    { "platform", "$platform" },
                }
            },
            { "posts", new BsonDocument("$sum", 1) },
        }),
        new("$sort", new BsonDocument { { "_id.day", 1 }, { "_id.platform", 1 } }),
    ];
}
