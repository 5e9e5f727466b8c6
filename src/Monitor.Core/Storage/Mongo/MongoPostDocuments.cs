using Monitor.Core.Posts;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// The <c>posts</c> document: <c>{ platform, accountId, postId, url, publishedAt, publishedAtEstimated, kind, title,
/// text, language, author, metrics: { replies, reposts, likes, views } | null, sourceUpdatedAt, contentHash,
/// firstSeenAt, lastSeenAt, editedAt, deletedAt }</c>, unique by (platform, accountId, postId).
/// </summary>
internal static class MongoPostDocuments
{
    /// <summary>What the platform says about the post now, refreshed on every sighting (metrics change constantly).</summary>
    public static BsonDocument Content(Post post, string contentHash) => new()
    {
        { "url", MongoBson.Of(post.Url) },
        { "kind", post.Kind.ToWireName() },
        { "title", MongoBson.Of(post.Title) },
        { "text", MongoBson.Of(post.Text) },
        { "language", MongoBson.Of(post.Language) },
        { "author", MongoBson.Of(post.Author) },
        { "metrics", Metrics(post.Metrics) },
        { "sourceUpdatedAt", MongoBson.Of(post.UpdatedAt) },
        { "contentHash", contentHash },
    };

    public static StoredPost ToStoredPost(BsonDocument document)
    {
        var metrics = document.Document("metrics");
        var editedAt = document.Date("editedAt");
        var post = new Post
        {
            PostId = document.RequiredString("postId"),
            Url = document.String("url"),
            PublishedAt = document.RequiredDate("publishedAt"),
            PublishedAtEstimated = document.Bool("publishedAtEstimated"),
            Kind = PostKindNames.Parse(document.String("kind") ?? "post"),
            Title = document.String("title"),
            Text = document.String("text"),
            Language = document.String("language"),
            Author = document.String("author"),
            Metrics = metrics is null
                ? null
                : new PostMetrics(metrics.Long("replies"), metrics.Long("reposts"), metrics.Long("likes"), metrics.Long("views")),
            UpdatedAt = document.Date("sourceUpdatedAt"),
            EditedAt = editedAt,
        };
        return new StoredPost(
            document.RequiredString("platform"),
            document.RequiredString("accountId"),
            post,
            document.RequiredDate("firstSeenAt"),
            document.RequiredDate("lastSeenAt"),
            editedAt,
            document.Date("deletedAt"));
    }

    private static BsonValue Metrics(PostMetrics? metrics) => metrics is null
        ? BsonNull.Value
        : new BsonDocument
        {
            { "replies", MongoBson.Of(metrics.Replies) },
            { "reposts", MongoBson.Of(metrics.Reposts) },
            { "likes", MongoBson.Of(metrics.Likes) },
            { "views", MongoBson.Of(metrics.Views) },
        };
}
