using Monitor.Core.Accounts;
using Monitor.Core.Posts;
using Monitor.Core.Search;
using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

public sealed class MongoSearchCommandsTests
{
    public static TheoryData<string, string> Queries => new()
    {
        { "Paris", """{ "$and" : [{ "searchTokens" : "paris" }] }""" },
        { "paris climate", """{ "$and" : [{ "searchTokens" : "paris" }, { "searchTokens" : "climate" }] }""" },
        { "\"climate fund\"", """{ "$and" : [{ "searchTokens" : { "$all" : ["climate", "fund"] } }] }""" },
        { "diplom*", """{ "$and" : [{ "searchTokens" : { "$regularExpression" : { "pattern" : "^diplom", "options" : "" } } }] }""" },
        { "paris OR berl*", """{ "$and" : [{ "$or" : [{ "searchTokens" : "paris" }, { "searchTokens" : { "$regularExpression" : { "pattern" : "^berl", "options" : "" } } }] }] }""" },
        {
            "paris -sport -foot* -\"world cup\"",
            """{ "$and" : [{ "searchTokens" : "paris" }, { "searchTokens" : { "$ne" : "sport" } }, { "searchTokens" : { "$not" : { "$regularExpression" : { "pattern" : "^foot", "options" : "" } } } }] }"""
        },
        { "外交部", """{ "$and" : [{ "searchTokens" : { "$all" : ["外交", "交部"] } }] }""" },
        { "外", """{ "$and" : [{ "searchTokens" : { "$regularExpression" : { "pattern" : "^外", "options" : "" } } }] }""" },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void Filter_Query_UsesTheTokenArray(string query, string expected)
    {
        Assert.Equal(expected, MongoRender.Json((FilterDefinition<BsonDocument>)MongoSearchCommands.Filter(new SearchRequest(SearchQuery.Parse(query)), null)));
    }

    [Fact]
    public void Filter_WithEveryFilter_AddsTheirFieldsAndTheWindow()
    {
        var request = new SearchRequest(SearchQuery.Parse("paris"))
        {
            Platform = "mastodon",
            Language = "fr",
            Kind = PostKind.Reply,
            From = Now.AddDays(-1),
            To = Now,
        };

        Assert.Equal(
            """{ "$and" : [{ "searchTokens" : "paris" }], "platform" : "mastodon", "language" : "fr", "kind" : "reply", "accountId" : { "$in" : ["a", "b"] }, "publishedAt" : { "$gte" : { "$date" : "2026-02-28T12:00:00Z" }, "$lt" : { "$date" : "2026-03-01T12:00:00Z" } } }""",
            MongoRender.Json((FilterDefinition<BsonDocument>)MongoSearchCommands.Filter(request, ["a", "b"])));
    }

    [Theory]
    [InlineData("a", """{ "$and" : [{ "searchTokens" : "paris" }], "accountId" : "a" }""")]
    [InlineData("c", """{ "$and" : [{ "searchTokens" : "paris" }], "accountId" : { "$in" : [] } }""")]
    public void Filter_AccountAndCountry_KeepsTheAccountOnlyWhenItIsOfTheCountry(string accountId, string expected)
    {
        var request = new SearchRequest(SearchQuery.Parse("paris")) { AccountId = accountId, Country = "FRA" };

        Assert.Equal(expected, MongoRender.Json((FilterDefinition<BsonDocument>)MongoSearchCommands.Filter(request, ["a", "b"])));
    }

    [Fact]
    public void AccountsOf_CountryAndActor_FiltersTheAccountsCollection()
    {
        Assert.Equal("""{ "country" : "FRA", "actor" : "Embassy" }""", MongoSearchCommands.AccountsOf("FRA", nameof(ActorType.Embassy)).ToJson());
    }

    [Fact]
    public void Sort_NewestFirst_IsTheSearchIndexAfterTheTokenEquality()
    {
        var index = MongoSchema.PostIndexes.Single(i => i.Options.Name == "posts_search_tokens").Keys
            .Render(new RenderArgs<BsonDocument>(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry));

        Assert.Equal("""{ "publishedAt" : -1, "postId" : -1 }""", MongoSearchCommands.Sort.ToJson());
        Assert.Equal(MongoSearchCommands.Sort.Names, index.Names.Skip(1));
        Assert.Equal(MongoSearchCommands.Sort.Values, index.Values.Skip(1));
    }

    [Fact]
    public void Tokens_StoredOnThePost_AreTheTokenizersEachOnce()
    {
        Assert.Equal("""["climate", "fund", "for", "paris"]""", MongoSearchCommands.Tokens("Climate fund", "for Paris climate").ToJson());
        Assert.Equal("[]", MongoSearchCommands.Tokens(null, null).ToJson());
    }
}
