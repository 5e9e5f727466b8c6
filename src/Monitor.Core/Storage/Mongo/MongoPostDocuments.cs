using Monitor.Core.Entities;
using Monitor.Core.Posts;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// The <c>posts</c> document: <c>{ platform, accountId, postId, url, publishedAt, publishedAtEstimated, kind, title,
/// text, language, languageDetected, author, metrics: { replies, reposts, likes, views, quotes } | null, sourceUpdatedAt, contentHash,
/// firstSeenAt, lastSeenAt, editedAt, deletedAt, deletionEvidence, absentChecks, normaliserVersion, latestVersion,
/// searchTokens: [token], media: [url], entities: [{ t, v, id? }] (<see cref="MongoEntityCommands"/>) }</c> (<c>media</c> missing on posts stored before media were kept: none),
/// unique by (platform, accountId, postId).
/// </summary>
internal static class MongoPostDocuments
{
    /// <summary>
    /// The stored fields of a post as <see cref="PostMerge"/> decided them; the identity fields are set on insert by
    /// the upsert's filter. <paramref name="firstSeen"/> includes the first-seen time (new posts only).
    /// </summary>
    public static BsonDocument Fields(PostWrite write, DateTimeOffset at, bool firstSeen)
    {
        var post = write.Post;
        var document = new BsonDocument
        {
            { "url", MongoBson.Of(post.Url) },
            { "publishedAt", MongoBson.Of(post.PublishedAt) },
            { "publishedAtEstimated", post.PublishedAtEstimated },
            { "kind", post.Kind.ToWireName() },
            { "title", MongoBson.Of(post.Title) },
            { "text", MongoBson.Of(post.Text) },
            { "language", MongoBson.Of(post.Language) },
            { "languageDetected", post.LanguageDetected },
            { "author", MongoBson.Of(post.Author) },
            { "metrics", Metrics(post.Metrics) },
            { "sourceUpdatedAt", MongoBson.Of(post.UpdatedAt) },
            { "contentHash", write.ContentHash },
            { "normaliserVersion", write.NormaliserVersion },
            { "lastSeenAt", MongoBson.Of(at) },
            { "editedAt", MongoBson.Of(write.EditedAt) },
            { "deletedAt", BsonNull.Value },
            { "deletionEvidence", BsonNull.Value },
            { "absentChecks", 0 },
            { "latestVersion", write.LatestVersion },
            { MongoSearchCommands.Field, MongoSearchCommands.Tokens(post.Title, post.Text) },
            { "media", Media(post.Media) },
        };
        if (firstSeen)
        {
            document.Add("firstSeenAt", MongoBson.Of(at));
        }

        return document;
    }

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
            LanguageDetected = document.Bool("languageDetected"),
            Author = document.String("author"),
            Metrics = MongoPostDocuments.MetricsOf(metrics),
            UpdatedAt = document.Date("sourceUpdatedAt"),
            EditedAt = editedAt,
            Media = ReadMedia(document),
        };
        return new StoredPost(
            document.RequiredString("platform"),
            document.RequiredString("accountId"),
            post,
            document.RequiredDate("firstSeenAt"),
            document.RequiredDate("lastSeenAt"),
            editedAt,
            document.Date("deletedAt"))
        {
            Entities = StoredEntities.Order(MongoEntityCommands.Read(document)),
        };
    }

    /// <summary>A media array of URL strings; none when the field is missing (stored before media were kept).</summary>
    public static IReadOnlyList<string> ReadMedia(BsonDocument document) =>
        document.TryGetValue("media", out var value) && value.IsBsonArray
            ? value.AsBsonArray.Where(item => item.IsString).Select(item => item.AsString).ToArray()
            : [];

    public static BsonArray Media(IReadOnlyList<string> media) => new(media);

    private static BsonValue Metrics(PostMetrics? metrics) => metrics is null
        ? BsonNull.Value
        : new BsonDocument
        {
            { "replies", MongoBson.Of(metrics.Replies) },
            { "reposts", MongoBson.Of(metrics.Reposts) },
            { "likes", MongoBson.Of(metrics.Likes) },
            { "views", MongoBson.Of(metrics.Views) },
            { "quotes", MongoBson.Of(metrics.Quotes) },
        };

    /// <summary>The counts of a stored <c>metrics</c> document (quotes absent on posts stored before they were kept).</summary>
    public static PostMetrics? MetricsOf(BsonDocument? metrics) => metrics is null
        ? null
        : new PostMetrics(metrics.Long("replies"), metrics.Long("reposts"), metrics.Long("likes"), metrics.Long("views")) { Quotes = metrics.Long("quotes") };
}
