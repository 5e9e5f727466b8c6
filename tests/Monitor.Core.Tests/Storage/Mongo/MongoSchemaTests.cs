using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Clusters;
using MongoDB.Driver.Core.Connections;
using MongoDB.Driver.Core.Servers;
using System.Net;

namespace Monitor.Core.Tests.Storage.Mongo;

public sealed class MongoSchemaTests
{
    [Fact]
    public void AccountIndexes_ServeClaimsAndPlatformDeferral()
    {
        Assert.Equal(
            [
                """accounts_due_v2 { "enabled" : 1, "state.nextPollAt" : 1, "_id" : 1 }""",
                """accounts_platform { "platform" : 1 }""",
                """accounts_claim_v3 { "enabled" : 1, "platform" : 1, "state.nextPollAt" : 1, "_id" : 1 }""",
            ],
            MongoSchema.AccountIndexes.Select(MongoRender.Json));
    }

    [Fact]
    public void PostIndexes_AreUniqueByIdentityAndEndInTheExportSortKeys()
    {
        Assert.Equal(
            [
                """posts_identity { "platform" : 1, "accountId" : 1, "postId" : 1 } unique""",
                """posts_account_published { "accountId" : 1, "publishedAt" : 1, "postId" : 1 }""",
                """posts_published { "publishedAt" : 1, "accountId" : 1, "postId" : 1 }""",
                """posts_search_tokens { "searchTokens" : 1, "publishedAt" : -1, "postId" : -1 }""",
                """posts_entities { "entities.t" : 1, "publishedAt" : 1, "accountId" : 1 }""",
            ],
            MongoSchema.PostIndexes.Select(MongoRender.Json));
    }

    [Fact]
    public void SnapshotIndexes_ServeAccountAndTimeRanges()
    {
        Assert.Equal(
            [
                """snapshots_account_captured { "meta.accountId" : 1, "capturedAt" : 1 }""",
                """snapshots_captured { "capturedAt" : 1, "meta.accountId" : 1 }""",
            ],
            MongoSchema.SnapshotIndexes.Select(MongoRender.Json));
    }

    [Fact]
    public void SnapshotCollectionOptions_AreTimeSeriesOnCapturedAtWithMetaInMinutes()
    {
        var options = MongoSchema.SnapshotCollectionOptions().TimeSeriesOptions;

        Assert.NotNull(options);
        Assert.Equal("""{ "timeField" : "capturedAt", "metaField" : "meta", "granularity" : "minutes" }""", options.ToBsonDocument().ToJson());
    }

    [Fact]
    public void SnapshotCollectionFilter_FindsTheCollectionByName()
    {
        Assert.Equal("""{ "name" : "snapshots" }""", MongoRender.Json(MongoSchema.SnapshotCollectionFilter));
    }

    public static TheoryData<int, string, bool> TimeSeriesAnswers => new()
    {
        { 40415, "BSON field 'create.timeseries' is an unknown field.", true },
        { 72, "Invalid option: timeseries", true },
        { 115, "timeseries collections are not supported", true },
        { 72, "Invalid collation", false },
        { 13, "not authorized on monitor to execute command", false },
    };

    [Theory]
    [MemberData(nameof(TimeSeriesAnswers))]
    public void IsTimeSeriesUnsupported_RecognisesOnlyTheMissingFeature(int code, string message, bool expected)
    {
        Assert.Equal(expected, MongoSchema.IsTimeSeriesUnsupported(CommandError(code, message)));
    }

    [Fact]
    public void IsAlreadyCreated_IsNamespaceExists()
    {
        Assert.True(MongoSchema.IsAlreadyCreated(CommandError(48, "Collection monitor.snapshots already exists.")));
        Assert.False(MongoSchema.IsAlreadyCreated(CommandError(40415, "unknown field")));
    }

    internal static MongoCommandException CommandError(int code, string message)
    {
        var connection = new ConnectionId(new ServerId(new ClusterId(), new DnsEndPoint("127.0.0.1", 27017)));
        return new MongoCommandException(connection, message, new BsonDocument("create", "snapshots"),
            new BsonDocument { { "ok", 0 }, { "errmsg", message }, { "code", code } });
    }
}
