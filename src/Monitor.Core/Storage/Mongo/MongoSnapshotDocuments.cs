using System.Globalization;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// The <c>snapshots</c> measurement: <c>{ _id, capturedAt, meta: { accountId, platform }, status, httpStatus, newPosts,
/// seenPosts, followers, following, postsTotal, latestPostAt, durationMs, error, notes }</c>. The <c>_id</c> is derived from
/// (accountId, capturedAt) so a repeated write of the same poll is recognisable.
/// </summary>
internal static class MongoSnapshotDocuments
{

    public static string Id(string accountId, DateTimeOffset capturedAt) =>
        accountId + "@" + PostMerge.ToMilliseconds(capturedAt)!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static BsonDocument ToDocument(ActivitySnapshot snapshot) => new()
    {
        { "_id", Id(snapshot.AccountId, snapshot.CapturedAt) },
        { "capturedAt", MongoBson.Of(snapshot.CapturedAt) },
        { "meta", new BsonDocument { { "accountId", snapshot.AccountId }, { "platform", snapshot.Platform } } },
        { "status", snapshot.Status.ToWireName() },
        { "httpStatus", MongoBson.Of(snapshot.HttpStatus) },
        { "newPosts", snapshot.NewPosts },
        { "seenPosts", snapshot.SeenPosts },
        { "followers", MongoBson.Of(snapshot.Followers) },
        { "following", MongoBson.Of(snapshot.Following) },
        { "postsTotal", MongoBson.Of(snapshot.PostsTotal) },
        { "latestPostAt", MongoBson.Of(snapshot.LatestPostAt) },
        { "durationMs", snapshot.DurationMs },
        { "error", MongoBson.Of(snapshot.Error) },
        { "notes", MongoBson.Of(snapshot.Notes) },
    };

    public static ActivitySnapshot FromDocument(BsonDocument document)
    {
        var meta = document.Document("meta") ?? throw new FormatException("Stored snapshot lacks its 'meta' field.");
        return new ActivitySnapshot(
            meta.RequiredString("accountId"),
            meta.RequiredString("platform"),
            document.RequiredDate("capturedAt"),
            PollStatusNames.Parse(document.RequiredString("status")),
            document.Int("httpStatus"),
            document.Int("newPosts") ?? 0,
            document.Int("seenPosts") ?? 0,
            document.Long("followers"),
            document.Long("following"),
            document.Long("postsTotal"),
            document.Date("latestPostAt"),
            document.Long("durationMs") ?? 0,
            document.String("error"),
            document.String("notes"));
    }
}
