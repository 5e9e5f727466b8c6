using Monitor.Core.Posts;
using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>The observation upserts as the server receives them, and the indexes that serve the reads.</summary>
public sealed class MongoObservationCommandsTests
{
    private static readonly DateTimeOffset Published = new(2026, 3, 1, 11, 0, 0, TimeSpan.Zero);

    private static MetricObservation Observation() => new(
        "$p1", PostKind.Quote, Published, Published.AddMinutes(50), MetricAgeBucket.OneHour, new PostMetrics(1, 2, 3) { Quotes = 4 });

    [Fact]
    public void Upserts_RegularPoll_SetsEachFieldWhenNoneStoredOrStrictlyNearer()
    {
        var json = MongoRender.Json(Assert.Single(MongoObservationCommands.Upserts("bluesky", "a", [Observation()], leaseLost: false)));

        const string Wins = """{ "$or" : [{ "$eq" : [{ "$type" : "$distanceMs" }, "missing"] }, { "$lt" : [600000, "$distanceMs"] }] }""";
        Assert.Equal(
            """updateOne { "platform" : "bluesky", "accountId" : "a", "postId" : "$p1", "bucket" : "1h" } [{ "$set" : { """
            + $$"""
            "kind" : { "$cond" : [{{Wins}}, { "$literal" : "quote" }, "$kind"] }, "publishedAt" : { "$cond" : [{{Wins}}, { "$literal" : { "$date" : "2026-03-01T11:00:00Z" } }, "$publishedAt"] }, "observedAt" : { "$cond" : [{{Wins}}, { "$literal" : { "$date" : "2026-03-01T11:50:00Z" } }, "$observedAt"] }, "distanceMs" : { "$cond" : [{{Wins}}, { "$literal" : 600000 }, "$distanceMs"] }, "metrics" : { "$cond" : [{{Wins}}, { "$literal" : { "replies" : 1, "reposts" : 2, "likes" : 3, "quotes" : 4, "views" : null } }, "$metrics"] } } }] upsert
            """,
            json);
    }

    [Fact]
    public void Upserts_LeaseLost_SetsFieldsOnlyWhenNoneStored()
    {
        var json = MongoRender.Json(Assert.Single(MongoObservationCommands.Upserts("bluesky", "a", [Observation()], leaseLost: true)));

        Assert.Contains("""{ "$cond" : [{ "$eq" : [{ "$type" : "$distanceMs" }, "missing"] }, { "$literal" : "quote" }, "$kind"] }""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("$lt", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToObservation_StoredDocument_ReadsBack()
    {
        var document = new BsonDocument
        {
            { "platform", "bluesky" }, { "accountId", "a" }, { "postId", "p1" }, { "bucket", "24h" }, { "kind", "reply" },
            { "publishedAt", Published.UtcDateTime }, { "observedAt", Published.AddHours(25).UtcDateTime }, { "distanceMs", 3_600_000L },
            { "metrics", new BsonDocument { { "replies", 1L }, { "reposts", BsonNull.Value }, { "likes", 3L }, { "views", 9L } } },
        };

        Assert.Equal(
            new MetricObservation("p1", PostKind.Reply, Published, Published.AddHours(25), MetricAgeBucket.OneDay, new PostMetrics(Replies: 1, Likes: 3, Views: 9)),
            MongoObservationCommands.ToObservation(document));
    }

    [Fact]
    public void ObservationIndexes_UniqueIdentityAndTheReadersOrder()
    {
        Assert.Equal(
        [
            """observations_identity { "platform" : 1, "accountId" : 1, "postId" : 1, "bucket" : 1 } unique""",
            """observations_account_published { "accountId" : 1, "publishedAt" : 1, "postId" : 1 }""",
        ], MongoSchema.ObservationIndexes.Select(MongoRender.Json));
    }

    [Fact]
    public void OfAccount_FilterAndSort_AreServedByTheAccountPublishedIndex()
    {
        var filter = BsonDocument.Parse(MongoRender.Json(MongoObservationCommands.OfAccount("a", Published)));
        var sort = BsonDocument.Parse(MongoRender.Json(MongoObservationCommands.OldestFirst));

        var index = MongoIndexCoverage.Serving(MongoSchema.ObservationIndexes, filter, sort);

        Assert.Equal("observations_account_published", index);
    }

    [Fact]
    public void Seed_StoredPostWithCounts_IsAnInsertOnlyUpsertAtItsLastSeenTime()
    {
        var post = new BsonDocument
        {
            { "_id", ObjectId.GenerateNewId() }, { "platform", "x" }, { "accountId", "a" }, { "postId", "9" }, { "kind", "post" },
            { "publishedAt", Published.UtcDateTime }, { "publishedAtEstimated", false }, { "lastSeenAt", Published.AddDays(6).UtcDateTime },
            { "metrics", new BsonDocument { { "likes", 5L } } },
        };

        var json = MongoRender.Json(Assert.Single(MongoObservationBackfill.Seed(post)));

        Assert.StartsWith("""updateOne { "platform" : "x", "accountId" : "a", "postId" : "9", "bucket" : "7d" }""", json, StringComparison.Ordinal);
        Assert.DoesNotContain("$lt", json, StringComparison.Ordinal);
        Assert.Empty(MongoObservationBackfill.Seed(post.Set("metrics", BsonNull.Value)));
    }
}
