using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>The filters, projections and sorts the store sends to the <c>posts</c> collection.</summary>
internal static class MongoPostCommands
{
    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    public static FilterDefinition<BsonDocument> Identity(string platform, string accountId, string postId) =>
        Filter.And(Filter.Eq("platform", platform), Filter.Eq("accountId", accountId), Filter.Eq("postId", postId));

    /// <summary>The stored versions of a poll's posts (and of the posts it reports deleted), in one query on the unique index.</summary>
    public static FilterDefinition<BsonDocument> Existing(string platform, string accountId, IEnumerable<string> postIds) =>
        Filter.And(Filter.Eq("platform", platform), Filter.Eq("accountId", accountId), Filter.In("postId", postIds));

    /// <summary>What <see cref="Posts.PostMerge"/> reads, and the content a deletion version keeps.</summary>
    public static ProjectionDefinition<BsonDocument> ExistingProjection { get; } = Builders<BsonDocument>.Projection
        .Include("platform").Include("accountId").Include("postId").Include("contentHash").Include("normaliserVersion")
        .Include("publishedAt").Include("publishedAtEstimated").Include("sourceUpdatedAt").Include("editedAt").Include("deletedAt")
        .Include("absentChecks").Include("latestVersion").Include("url").Include("language").Include("languageDetected").Include("author").Include("metrics")
        .Include("kind").Include("title").Include("text").Include("media").Exclude("_id");

    /// <summary>Live posts of an account published at or after <paramref name="since"/> (served by accountId + publishedAt).</summary>
    public static FilterDefinition<BsonDocument> PublishedSince(string accountId, DateTimeOffset since) =>
        Filter.And(Filter.Eq("accountId", accountId), Filter.Gte("publishedAt", MongoBson.Of(since)), Filter.Eq("deletedAt", BsonNull.Value));

    public static FilterDefinition<BsonDocument> Recent(string accountId) =>
        Filter.And(Filter.Eq("accountId", accountId), Filter.Eq("deletedAt", BsonNull.Value));

    public static SortDefinition<BsonDocument> RecentSort { get; } =
        Builders<BsonDocument>.Sort.Descending("publishedAt").Descending("postId");

    public static ProjectionDefinition<BsonDocument> RecentProjection { get; } =
        Builders<BsonDocument>.Projection.Include("postId").Include("publishedAt").Exclude("_id");

    /// <summary>Posts published in [From, To), optionally of one account.</summary>
    public static FilterDefinition<BsonDocument> Read(RecordFilter filter) =>
        MongoRange.Filter("accountId", "publishedAt", filter);

    /// <summary>Oldest first, in the order of the index that serves the filter, so the export streams without sorting in memory.</summary>
    public static SortDefinition<BsonDocument> ReadSort(RecordFilter filter) => filter.AccountId is null
        ? Builders<BsonDocument>.Sort.Ascending("publishedAt").Ascending("accountId").Ascending("postId")
        : Builders<BsonDocument>.Sort.Ascending("publishedAt").Ascending("postId");
}
