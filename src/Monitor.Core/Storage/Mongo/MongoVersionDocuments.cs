using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// The <c>post_versions</c> document: <c>{ platform, accountId, postId, version, reason, capturedAt, contentHash,
/// title, text, url, media: [], captureId, evidence }</c>, unique by (platform, accountId, postId, version).
/// </summary>
internal static class MongoVersionDocuments
{
    public static BsonDocument Of(string platform, string accountId, PostWrite write, VersionReason reason, DateTimeOffset capturedAt) =>
        Document(platform, accountId, write.Post.PostId, write.LatestVersion, reason, capturedAt, write.ContentHash,
            write.Post.Title, write.Post.Text, write.Post.Url, null, null);

    /// <summary>The deletion version: the stored content at the time the evidence confirmed the deletion.</summary>
    public static BsonDocument Deletion(BsonDocument stored, DeletionWrite deletion, DateTimeOffset capturedAt) =>
        Document(stored.RequiredString("platform"), stored.RequiredString("accountId"), stored.RequiredString("postId"),
            deletion.LatestVersion, VersionReason.Deleted, capturedAt, stored.String("contentHash") ?? string.Empty,
            stored.String("title"), stored.String("text"), stored.String("url"), null, deletion.Evidence);

    /// <summary>Version 1 of a post stored before versions were kept.</summary>
    public static BsonDocument Initial(BsonDocument post) =>
        Document(post.RequiredString("platform"), post.RequiredString("accountId"), post.RequiredString("postId"), 1,
            VersionReason.Created, post.RequiredDate("firstSeenAt"),
            ContentHash.Compute(new Post { PostId = "-", PublishedAt = DateTimeOffset.UnixEpoch, Title = post.String("title"), Text = post.String("text") }),
            post.String("title"), post.String("text"), post.String("url"), null, null);

    private static BsonDocument Document(string platform, string accountId, string postId, int version, VersionReason reason,
        DateTimeOffset capturedAt, string hash, string? title, string? text, string? url, string? captureId, DeletionEvidence? evidence) => new()
    {
        { "platform", platform },
        { "accountId", accountId },
        { "postId", postId },
        { "version", version },
        { "reason", reason.ToWireName() },
        { "capturedAt", MongoBson.Of(capturedAt) },
        { "contentHash", hash },
        { "title", MongoBson.Of(title) },
        { "text", MongoBson.Of(text) },
        { "url", MongoBson.Of(url) },
        { "media", new BsonArray() },
        { "captureId", MongoBson.Of(captureId) },
        { "evidence", MongoBson.Of(evidence?.ToWireName()) },
    };
}
