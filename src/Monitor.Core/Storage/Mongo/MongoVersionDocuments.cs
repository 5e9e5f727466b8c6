using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// The <c>post_versions</c> document: <c>{ platform, accountId, postId, version, reason, capturedAt, contentHash,
/// title, text, url, media: [url], captureId, evidence }</c>, unique by (platform, accountId, postId, version).
/// </summary>
internal static class MongoVersionDocuments
{
    /// <summary>Oldest first in the order of the index that serves the filter (versions_captured or versions_account_captured).</summary>
    public static SortDefinition<BsonDocument> ReadSort(RecordFilter filter) => filter.AccountId is null
        ? Builders<BsonDocument>.Sort.Ascending("capturedAt").Ascending("accountId")
        : Builders<BsonDocument>.Sort.Ascending("accountId").Ascending("capturedAt");

    public static PostVersion FromDocument(BsonDocument document)
    {
        var evidence = document.String("evidence");
        var media = MongoPostDocuments.ReadMedia(document);
        return new PostVersion(
            document.RequiredString("platform"), document.RequiredString("accountId"), document.RequiredString("postId"),
            document.Int("version") ?? 0, VersionReasonNames.Parse(document.RequiredString("reason")), document.RequiredDate("capturedAt"),
            document.String("contentHash") ?? string.Empty, document.String("title"), document.String("text"), document.String("url"),
            media, document.String("captureId"), evidence is null ? null : DeletionEvidenceNames.Parse(evidence));
    }

    public static BsonDocument Of(string platform, string accountId, PostWrite write, VersionReason reason, DateTimeOffset capturedAt, string? captureId) =>
        Document(platform, accountId, write.Post.PostId, write.LatestVersion, reason, capturedAt, write.ContentHash,
            write.Post.Title, write.Post.Text, write.Post.Url, write.Post.Media, captureId, null);

    /// <summary>The deletion version: the stored content at the time the evidence confirmed the deletion.</summary>
    public static BsonDocument Deletion(BsonDocument stored, DeletionWrite deletion, DateTimeOffset capturedAt, string? captureId) =>
        Document(stored.RequiredString("platform"), stored.RequiredString("accountId"), stored.RequiredString("postId"),
            deletion.LatestVersion, VersionReason.Deleted, capturedAt, stored.String("contentHash") ?? string.Empty,
            stored.String("title"), stored.String("text"), stored.String("url"), MongoPostDocuments.ReadMedia(stored), captureId, deletion.Evidence);

    /// <summary>Version 1 of a post stored before versions were kept.</summary>
    public static BsonDocument Initial(BsonDocument post) =>
        Document(post.RequiredString("platform"), post.RequiredString("accountId"), post.RequiredString("postId"), 1,
            VersionReason.Created, post.RequiredDate("firstSeenAt"),
            ContentHash.Compute(new Post { PostId = "-", PublishedAt = DateTimeOffset.UnixEpoch, Title = post.String("title"), Text = post.String("text") }),
            post.String("title"), post.String("text"), post.String("url"), MongoPostDocuments.ReadMedia(post), null, null);

    private static BsonDocument Document(string platform, string accountId, string postId, int version, VersionReason reason,
        DateTimeOffset capturedAt, string hash, string? title, string? text, string? url, IReadOnlyList<string> media, string? captureId, DeletionEvidence? evidence) => new()
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
        { "media", MongoPostDocuments.Media(media) },
        { "captureId", MongoBson.Of(captureId) },
        { "evidence", MongoBson.Of(evidence?.ToWireName()) },
    };
}
