using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Storage.Mongo;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

public sealed class MongoBackfillMarksTests
{
    [Fact]
    public void Mark_KeepsTheFirstFinishTimeByTheServersClock()
    {
        Assert.Equal("""{ "_id" : "post-versions-v1" }""", MongoRender.Json(MongoBackfillMarks.Done("post-versions-v1")));
        Assert.Equal(
            """[{ "$set" : { "finishedAt" : { "$ifNull" : ["$finishedAt", "$$NOW"] } } }]""",
            MongoRender.Json(MongoBackfillMarks.MarkUpdate(MongoClock.Server)));
        Assert.Equal(
            """[{ "$set" : { "finishedAt" : { "$ifNull" : ["$finishedAt", { "$date" : "2026-03-01T12:00:00Z" }] } } }]""",
            MongoRender.Json(MongoBackfillMarks.MarkUpdate(MongoClock.Literal(new FakeTimeProvider(Now)))));
    }
}
