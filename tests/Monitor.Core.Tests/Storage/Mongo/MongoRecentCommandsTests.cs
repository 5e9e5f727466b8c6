using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>The dashboard's reads as the server receives them, and the indexes that serve them.</summary>
public sealed class MongoRecentCommandsTests
{
    [Fact]
    public void NewestPosts_EveryPostOfTheAccountIncludingDeleted_NewestFirst()
    {
        Assert.Equal("""{ "accountId" : "gbr-fcdo" }""", MongoRender.Json(MongoRecentCommands.AccountPosts("gbr-fcdo")));
        Assert.Equal("""{ "publishedAt" : -1, "postId" : -1 }""", MongoRender.Json(MongoRecentCommands.NewestPostsSort));
    }

    [Fact]
    public void NewestSnapshots_OneAccount_NewestFirst()
    {
        Assert.Equal("""{ "meta.accountId" : "gbr-fcdo" }""", MongoRender.Json(MongoRecentCommands.AccountSnapshots("gbr-fcdo")));
        Assert.Equal("""{ "capturedAt" : -1 }""", MongoRender.Json(MongoRecentCommands.NewestSnapshotsSort));
    }

    [Fact]
    public void PostVersions_OnePost_InVersionOrderOnTheUniqueVersionsIndex()
    {
        Assert.Equal("""{ "platform" : "rss", "accountId" : "gbr-fcdo", "postId" : "1" }""", MongoRender.Json(MongoRecentCommands.PostVersions("rss", "gbr-fcdo", "1")));
        Assert.Equal("""{ "version" : 1 }""", MongoRender.Json(MongoRecentCommands.PostVersionsSort));
        var index = MongoSchema.VersionIndexes.Select(i => i.Keys.Render(Args)).First(keys => keys.Names.Contains("version"));
        Assert.Equal(["platform", "accountId", "postId", "version"], index.Names);
    }

    [Theory]
    [InlineData("posts", "posts_account_published")]
    [InlineData("snapshots", "snapshots_account_captured")]
    public void NewestSorts_AfterTheAccountEquality_WalkAnIndexBackwards(string collection, string indexName)
    {
        var (sort, indexes) = collection == "posts"
            ? (MongoRecentCommands.NewestPostsSort, MongoSchema.PostIndexes)
            : (MongoRecentCommands.NewestSnapshotsSort, MongoSchema.SnapshotIndexes);
        var index = indexes.Single(i => i.Options.Name == indexName).Keys.Render(Args);
        var rendered = sort.Render(Args);

        // The index is (account, time, …) ascending; equality on the account plus a descending sort on its next keys reads it in reverse.
        var rest = index.Names.Skip(1).Take(rendered.ElementCount).ToArray();
        Assert.Equal(rest, rendered.Names);
        Assert.All(rendered.Values, v => Assert.Equal(-1, v.ToInt32()));
    }

    [Fact]
    public void PostsByDayAndPlatform_Window_MatchesEnabledAccountsAndGroupsByUtcDayAndPlatform()
    {
        var stages = MongoRecentCommands.PostsByDayAndPlatform(Now.AddDays(-7), Now, ["fra-mfa", "gbr-fcdo"]);
        var rendered = PipelineDefinition<BsonDocument, BsonDocument>.Create(stages).Render(Args);

        Assert.Equal(
            """
            [{ "$match" : { "publishedAt" : { "$gte" : { "$date" : "2026-02-22T12:00:00Z" }, "$lt" : { "$date" : "2026-03-01T12:00:00Z" } }, "accountId" : { "$in" : ["fra-mfa", "gbr-fcdo"] } } }, { "$group" : { "_id" : { "day" : { "$dateToString" : { "format" : "%Y-%m-%d", "date" : "$publishedAt" } }, "platform" : "$platform" }, "posts" : { "$sum" : 1 } } }, { "$sort" : { "_id.day" : 1, "_id.platform" : 1 } }]
            """,
            new BsonArray(rendered.Documents).ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson }));
    }

    [Fact]
    public void ToCount_GroupResult_DayPlatformAndPosts()
    {
        var document = BsonDocument.Parse("""{ "_id" : { "day" : "2026-02-28", "platform" : "mastodon" }, "posts" : 7 }""");

        Assert.Equal(new Core.Storage.PlatformDayCount(new DateOnly(2026, 2, 28), "mastodon", 7), MongoRecentRecordReader.ToCount(document));
    }

    private static RenderArgs<BsonDocument> Args => new(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry);
}
