using Monitor.Core.Activity;
using Monitor.Core.Entities;
using Monitor.Core.Posts;
using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

public sealed class MongoEntityCommandsTests
{
    private static readonly ActivityWindow January = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));

    [Fact]
    public void Counts_Mentions_MatchesTypeAndWindowThenUnwindsAndGroups()
    {
        var stages = MongoEntityCommands.Counts(January, [EntityType.Mention, EntityType.Repost]);

        Assert.Equal(
        [
            """{ "$match" : { "entities.t" : { "$in" : ["mention", "repost"] }, "publishedAt" : { "$gte" : { "$date" : "2026-01-01T00:00:00Z" }, "$lt" : { "$date" : "2026-02-01T00:00:00Z" } } } }""",
            """{ "$unwind" : "$entities" }""",
            """{ "$match" : { "entities.t" : { "$in" : ["mention", "repost"] } } }""",
            """{ "$group" : { "_id" : { "accountId" : "$accountId", "t" : "$entities.t", "v" : "$entities.v", "id" : "$entities.id" }, "posts" : { "$sum" : 1 } } }""",
        ], stages.Select(s => s.ToJson()));
    }

    /// <summary>
    /// The leading <c>$match</c> uses an index when its fields are a prefix of the index's keys: equality (or <c>$in</c>)
    /// on the leading multikey field, then the range on <c>publishedAt</c>
    /// (https://www.mongodb.com/docs/manual/core/indexes/index-types/index-compound/#index-prefixes).
    /// </summary>
    [Theory]
    [InlineData(EntityType.Hashtag)]
    [InlineData(EntityType.Link)]
    [InlineData(EntityType.Mention)]
    public void Counts_LeadingMatch_IsServedByThePostsEntitiesIndex(EntityType type)
    {
        var match = MongoEntityCommands.Counts(January, [type])[0]["$match"].AsBsonDocument;

        var served = MongoSchema.PostIndexes.Where(index =>
        {
            var keys = index.Keys.Render(new RenderArgs<BsonDocument>(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry)).Names.ToArray();
            return keys.Take(match.ElementCount).ToHashSet().SetEquals(match.Names) && keys[0] == match.Names.First();
        }).Select(index => index.Options.Name);

        Assert.Equal(["posts_entities"], served);
        Assert.Equal(BsonType.Document, match["publishedAt"].BsonType); // a range, the index's second key
    }

    [Fact]
    public void Of_Post_IsTheRulesEntitiesAsSmallDocuments()
    {
        var post = Post("1", "Hi @bob@social.example #COP30 https://gov.example/?utm_source=a") with
        {
            Entities = new PostEntities { Mentions = [new EntityMention("bob@social.example", "42")] },
        };

        Assert.Equal(
            """[{ "t" : "hashtag", "v" : "cop30" }, { "t" : "mention", "v" : "bob@social.example", "id" : "42" }, { "t" : "link", "v" : "https://gov.example/" }]""",
            MongoEntityCommands.Of("mastodon", post).ToJson());
    }

    [Fact]
    public void Plan_EditedPost_SetsItsNewEntities()
    {
        var stored = new BsonDocument { { "platform", "mastodon" }, { "accountId", "gbr-fcdo" }, { "postId", "1" } }
            .AddRange(MongoPostDocuments.Fields(PostMerge.Create(Post("1", "Old #one"), "mastodon", Now.AddHours(-1)), Now.AddHours(-1), firstSeen: true));

        var plan = MongoPostWrites.Plan(Poll(Post("1", "New #two @alice")), new Dictionary<string, BsonDocument> { ["1"] = stored });

        Assert.Contains(
            """ "entities" : [{ "t" : "hashtag", "v" : "two" }, { "t" : "mention", "v" : "alice" }] } }""",
            MongoRender.Json(Assert.Single(plan.Models)));
    }

    [Fact]
    public void Backfill_StoredPost_ExtractsFromTextAndARepostsAuthor()
    {
        Assert.Equal("""{ "entities" : { "$exists" : false } }""", MongoEntityBackfill.Unindexed.ToJson());
        var repost = new BsonDocument { { "platform", "mastodon" }, { "kind", "repost" }, { "text", "#x @y" }, { "author", "Carol@Other.Example" } };
        var post = new BsonDocument { { "platform", "x" }, { "kind", "post" }, { "title", BsonNull.Value }, { "text", "#Tag @FCDOGovUK." } };

        Assert.Equal("""[{ "t" : "repost", "v" : "carol@other.example" }]""", MongoEntityBackfill.Entities(repost).ToJson());
        Assert.Equal("""[{ "t" : "hashtag", "v" : "tag" }, { "t" : "mention", "v" : "fcdogovuk" }]""", MongoEntityBackfill.Entities(post).ToJson());
    }

    [Fact]
    public void ToCount_GroupResult_IsAnEntityCount()
    {
        var result = new BsonDocument
        {
            { "_id", new BsonDocument { { "accountId", "a" }, { "t", "mention" }, { "v", "bob" }, { "id", "7" } } },
            { "posts", 3 },
        };
        var withoutId = new BsonDocument { { "_id", new BsonDocument { { "accountId", "a" }, { "t", "hashtag" }, { "v", "eu" } } }, { "posts", 1L } };

        Assert.Equal(new Monitor.Core.Activity.Network.EntityCount("a", EntityType.Mention, "bob", "7", 3), MongoEntityQueries.ToCount(result));
        Assert.Equal(new Monitor.Core.Activity.Network.EntityCount("a", EntityType.Hashtag, "eu", null, 1), MongoEntityQueries.ToCount(withoutId));
    }
}
