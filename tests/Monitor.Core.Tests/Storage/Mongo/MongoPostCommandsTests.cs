using Monitor.Core.Storage;
using Monitor.Core.Storage.Mongo;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

public sealed class MongoPostCommandsTests
{
    [Fact]
    public void Existing_LooksUpAllPostsOfThePollInOneQuery()
    {
        Assert.Equal(
            """{ "platform" : "mastodon", "accountId" : "gbr-fcdo", "postId" : { "$in" : ["1", "2"] } }""",
            MongoRender.Json(MongoPostCommands.Existing("mastodon", "gbr-fcdo", ["1", "2"])));
        Assert.Equal(
            """{ "platform" : 1, "accountId" : 1, "postId" : 1, "contentHash" : 1, "normaliserVersion" : 1, "publishedAt" : 1, "publishedAtEstimated" : 1, "sourceUpdatedAt" : 1, "editedAt" : 1, "deletedAt" : 1, "absentChecks" : 1, "latestVersion" : 1, "url" : 1, "language" : 1, "languageDetected" : 1, "author" : 1, "metrics" : 1, "kind" : 1, "title" : 1, "text" : 1, "media" : 1, "_id" : 0 }""",
            MongoRender.Json(MongoPostCommands.ExistingProjection));
    }

    [Fact]
    public void PublishedSince_MatchesLivePostsOfTheAccountFromThatTimeOn()
    {
        Assert.Equal(
            """{ "accountId" : "gbr-fcdo", "publishedAt" : { "$gte" : { "$date" : "2026-03-01T12:00:00Z" } }, "deletedAt" : null }""",
            MongoRender.Json(MongoPostCommands.PublishedSince("gbr-fcdo", new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero))));
    }

    [Fact]
    public void Recent_TakesNotDeletedPostsNewestFirst()
    {
        Assert.Equal("""{ "accountId" : "gbr-fcdo", "deletedAt" : null }""", MongoRender.Json(MongoPostCommands.Recent("gbr-fcdo")));
        Assert.Equal("""{ "publishedAt" : -1, "postId" : -1 }""", MongoRender.Json(MongoPostCommands.RecentSort));
        Assert.Equal("""{ "postId" : 1, "publishedAt" : 1, "_id" : 0 }""", MongoRender.Json(MongoPostCommands.RecentProjection));
    }

    public static TheoryData<RecordFilter, string, string> ReadFilters => new()
    {
        { new RecordFilter(), "{ }", """{ "publishedAt" : 1, "accountId" : 1, "postId" : 1 }""" },
        {
            new RecordFilter(Now.AddDays(-1), Now),
            """{ "publishedAt" : { "$gte" : { "$date" : "2026-02-28T12:00:00Z" }, "$lt" : { "$date" : "2026-03-01T12:00:00Z" } } }""",
            """{ "publishedAt" : 1, "accountId" : 1, "postId" : 1 }"""
        },
        {
            new RecordFilter(To: Now, AccountId: "gbr-fcdo"),
            """{ "accountId" : "gbr-fcdo", "publishedAt" : { "$lt" : { "$date" : "2026-03-01T12:00:00Z" } } }""",
            """{ "publishedAt" : 1, "postId" : 1 }"""
        },
    };

    [Theory]
    [MemberData(nameof(ReadFilters))]
    public void Read_FiltersPublishedAtHalfOpenAndSortsOldestFirst(RecordFilter filter, string expectedFilter, string expectedSort)
    {
        Assert.Equal(expectedFilter, MongoRender.Json(MongoPostCommands.Read(filter)));
        Assert.Equal(expectedSort, MongoRender.Json(MongoPostCommands.ReadSort(filter)));
    }
}
