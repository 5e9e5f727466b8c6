using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

public sealed class MongoSnapshotTests
{
    [Fact]
    public void Capture_SummarisesThePollWithMillisecondTimes()
    {
        var result = new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = 200,
            Posts = [Post("1", published: Now.AddHours(-3)), Post("2", published: Now.AddHours(-1).AddTicks(5))],
            Profile = new ProfileCounts(1200, 30, 4500),
        };

        var snapshot = Poll(result, Now.AddTicks(9999)).ToSnapshot(newPosts: 1);

        Assert.Equal(
            new ActivitySnapshot("gbr-fcdo", "mastodon", Now, PollStatus.Ok, 200, 1, 2, 1200, 30, 4500, Now.AddHours(-1), 1234, null),
            snapshot);
        Assert.Equal(0, snapshot.CapturedAt.UtcTicks % TimeSpan.TicksPerMillisecond);
    }

    [Fact]
    public void ToDocument_HasTheTimeSeriesShapeWithADeterministicId()
    {
        var snapshot = new ActivitySnapshot("gbr-fcdo", "mastodon", Now.AddMilliseconds(7), PollStatus.RateLimited, 429, 0, 0,
            null, null, null, null, 85, "429 Too Many Requests");

        Assert.Equal(
            """{ "_id" : "gbr-fcdo@2026-03-01T12:00:00.007Z", "capturedAt" : { "$date" : "2026-03-01T12:00:00.007Z" }, "meta" : { "accountId" : "gbr-fcdo", "platform" : "mastodon" }, "status" : "rateLimited", "httpStatus" : 429, "newPosts" : 0, "seenPosts" : 0, "followers" : null, "following" : null, "postsTotal" : null, "latestPostAt" : null, "durationMs" : 85, "error" : "429 Too Many Requests", "notes" : null }""",
            MongoSnapshotDocuments.ToDocument(snapshot).ToJson());
    }

    [Fact]
    public void FromDocument_ReadsBackWhatToDocumentWrote()
    {
        var snapshot = new ActivitySnapshot("gbr-fcdo", "mastodon", Now, PollStatus.Ok, 200, 3, 20, 5_000_000_000, 12, 9000, Now.AddHours(-2), 1500, null);

        Assert.Equal(snapshot, MongoSnapshotDocuments.FromDocument(MongoSnapshotDocuments.ToDocument(snapshot)));
    }

    [Fact]
    public void SamePoll_FindsTheSnapshotOnTheAccountTimeIndex()
    {
        Assert.Equal(
            """{ "meta.accountId" : "gbr-fcdo", "capturedAt" : { "$date" : "2026-03-01T12:00:00Z" } }""",
            MongoRender.Json(MongoSnapshotCommands.SamePoll("gbr-fcdo", Now)));
    }

    [Fact]
    public void Read_FiltersCapturedAtHalfOpenAndSortsOldestFirst()
    {
        var filter = new RecordFilter(Now.AddDays(-7), Now, "gbr-fcdo");

        Assert.Equal(
            """{ "meta.accountId" : "gbr-fcdo", "capturedAt" : { "$gte" : { "$date" : "2026-02-22T12:00:00Z" }, "$lt" : { "$date" : "2026-03-01T12:00:00Z" } } }""",
            MongoRender.Json(MongoSnapshotCommands.Read(filter)));
        Assert.Equal("""{ "capturedAt" : 1 }""", MongoRender.Json(MongoSnapshotCommands.ReadSort(filter)));
        Assert.Equal("""{ "capturedAt" : 1, "meta.accountId" : 1 }""", MongoRender.Json(MongoSnapshotCommands.ReadSort(new RecordFilter())));
    }
}
