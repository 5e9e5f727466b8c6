using Monitor.Core.Activity;
using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>The engagement report's pipelines as rendered, and the indexes their leading stages use.</summary>
public sealed class MongoEngagementPipelinesTests
{
    private static readonly ActivityWindow April = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));

    private const string Counted =
        """{ "publishedAt" : { "$gte" : { "$date" : "2026-04-01T00:00:00Z" }, "$lt" : { "$date" : "2026-05-01T00:00:00Z" } }, "kind" : { "$ne" : "repost" }, "deletedAt" : null""";

    private const string Measured =
        """{ "$or" : [{ "$isNumber" : "$metrics.likes" }, { "$isNumber" : "$metrics.reposts" }, { "$isNumber" : "$metrics.replies" }, { "$isNumber" : "$metrics.quotes" }] }""";

    [Fact]
    public void Accounts_April_GroupsTheCountedPostsPerAccount()
    {
        Assert.Equal(
        [
            $$"""{ "$match" : {{Counted}} } }""",
            $$"""{ "$group" : { "_id" : "$accountId", "posts" : { "$sum" : 1 }, "measuredPosts" : { "$sum" : { "$cond" : [{{Measured}}, 1, 0] } }, "likes" : { "$sum" : "$metrics.likes" }, "reposts" : { "$sum" : "$metrics.reposts" }, "replies" : { "$sum" : "$metrics.replies" }, "quotes" : { "$sum" : "$metrics.quotes" }, "viewedPosts" : { "$sum" : { "$cond" : [{ "$isNumber" : "$metrics.views" }, 1, 0] } }, "views" : { "$sum" : "$metrics.views" } } }""",
            """{ "$sort" : { "_id" : 1 } }""",
        ], MongoEngagementPipelines.Accounts(April).Select(stage => stage.ToString()));
    }

    [Fact]
    public void TopPosts_April_SortsByInteractionsAndLimits()
    {
        Assert.Equal(
        [
            $$"""{ "$match" : {{Counted}}, "accountId" : { "$in" : ["a", "b"] } } }""",
            """{ "$addFields" : { "interactions" : { "$add" : [{ "$ifNull" : ["$metrics.likes", 0] }, { "$ifNull" : ["$metrics.reposts", 0] }, { "$ifNull" : ["$metrics.replies", 0] }, { "$ifNull" : ["$metrics.quotes", 0] }] }, "measured" : """ + Measured + " } }",
            """{ "$match" : { "measured" : true } }""",
            """{ "$sort" : { "interactions" : -1, "accountId" : 1, "postId" : 1 } }""",
            """{ "$limit" : 5 }""",
            """{ "$project" : { "_id" : 0, "platform" : 1, "accountId" : 1, "postId" : 1, "url" : 1, "kind" : 1, "publishedAt" : 1, "metrics" : 1 } }""",
        ], MongoEngagementPipelines.TopPosts(April, ["a", "b"], 5).Select(stage => stage.ToString()));
    }

    [Fact]
    public void LeadingMatch_EveryPipeline_IsServedByThePublishedIndex()
    {
        foreach (var pipeline in new[] { MongoEngagementPipelines.Accounts(April), MongoEngagementPipelines.TopPosts(April, ["a"], 10) })
        {
            var match = pipeline[0]["$match"].AsBsonDocument;

            Assert.Equal("posts_published", MongoIndexCoverage.Serving(MongoSchema.PostIndexes, match));
        }
    }

    [Fact]
    public void Serving_FilterOnAnUnindexedField_IsNotServed() =>
        Assert.Null(MongoIndexCoverage.Serving(MongoSchema.PostIndexes, new BsonDocument("kind", new BsonDocument("$ne", "repost"))));

    [Fact]
    public void ToFacts_GroupResult_MapsEveryFigure()
    {
        var result = new BsonDocument
        {
            { "_id", "a" }, { "posts", 5 }, { "measuredPosts", 4 }, { "likes", 100L }, { "reposts", 20 }, { "replies", 7 }, { "quotes", 0 },
            { "viewedPosts", 2 }, { "views", 9000L },
        };

        Assert.Equal(new Monitor.Core.Activity.Engagement.AccountEngagementFacts("a", 5, 4, 100, 20, 7, 0, 2, 9000), MongoEngagementQueries.ToFacts(result));
    }
}
