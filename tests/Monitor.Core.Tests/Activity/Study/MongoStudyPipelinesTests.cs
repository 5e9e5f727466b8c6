using Monitor.Core.Activity;
using Monitor.Core.Storage.Mongo;
using Monitor.Testing;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Monitor.Core.Tests.Activity.Study;

/// <summary>
/// The study's pipelines rendered through the driver and compared with golden files (<c>Fixtures/Activity/mongo-study-*.json</c>;
/// MONITOR_UPDATE_GOLDEN=1 rewrites them after a deliberate change), and the mapping of their results.
/// </summary>
public sealed class MongoStudyPipelinesTests
{
    private static readonly ActivityWindow Window = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));

    public static TheoryData<string> Pipelines => ["polls", "firstPosts", "reposts", "languages"];

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Render_April2026_MatchesGoldenFile(string name)
    {
        var stages = name switch
        {
            "polls" => MongoStudyPipelines.Polls(Window),
            "firstPosts" => MongoStudyPipelines.FirstPosts(Window),
            "reposts" => MongoStudyPipelines.Reposts(Window),
            _ => MongoStudyPipelines.Languages(Window),
        };
        var rendered = PipelineDefinition<BsonDocument, BsonDocument>.Create(stages)
            .Render(new RenderArgs<BsonDocument>(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry));
        var json = new BsonArray(rendered.Documents).ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson, Indent = true })
            .ReplaceLineEndings("\n") + "\n";

        var golden = $"Activity/mongo-study-{name}.json";
        if (Environment.GetEnvironmentVariable("MONITOR_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFixtures(), golden), json);
        }

        Assert.Equal(Fixtures.ReadText(golden), json);
    }

    [Fact]
    public void PlatformCreatedAt_AccountDocument_ReadsTheStateDateAndNullWhenMissing()
    {
        var at = new DateTime(2013, 12, 14, 4, 35, 55, DateTimeKind.Utc);

        Assert.Equal(new DateTimeOffset(at), MongoStudyQueries.PlatformCreatedAt(new BsonDocument { { "_id", "a" }, { "state", new BsonDocument("platformCreatedAt", at) } }));
        Assert.Null(MongoStudyQueries.PlatformCreatedAt(new BsonDocument { { "_id", "b" }, { "state", new BsonDocument("platformCreatedAt", BsonNull.Value) } }));
        Assert.Null(MongoStudyQueries.PlatformCreatedAt(new BsonDocument { { "_id", "c" }, { "state", new BsonDocument() } }));
        Assert.Null(MongoStudyQueries.PlatformCreatedAt(new BsonDocument("_id", "d")));
    }

    [Fact]
    public void ToFacts_PipelineResults_MapsEveryFigure()
    {
        var polls = BsonDocument.Parse("{ _id: 'fra', polls: 12, successfulPolls: NumberLong(9) }");
        var first = new BsonDocument { { "_id", "fra" }, { "firstPostAt", new DateTime(2019, 3, 2, 8, 0, 0, DateTimeKind.Utc) } };
        var reposts = BsonDocument.Parse("{ _id: 'fra', measuredPosts: 7, repostsReceived: NumberLong(140) }");

        var facts = MongoStudyQueries.ToFacts("fra", polls, first, reposts);

        Assert.Equal(new Core.Activity.Study.AccountStudyFacts("fra", 12, 9, new DateTimeOffset(2019, 3, 2, 8, 0, 0, TimeSpan.Zero), 7, 140), facts);
        Assert.Equal(new Core.Activity.Study.AccountStudyFacts("x", 0, 0, null, 0, 0), MongoStudyQueries.ToFacts("x", null, null, null));
    }

    [Theory]
    [InlineData("{ _id: { accountId: 'fra', language: 'fr' }, posts: 4 }", "fr")]
    [InlineData("{ _id: { accountId: 'fra', language: null }, posts: 4 }", null)]
    [InlineData("{ _id: { accountId: 'fra' }, posts: 4 }", null)]
    public void ToLanguageCount_GroupResult_LanguageOrNull(string result, string? language) =>
        Assert.Equal(new Core.Activity.Study.LanguageCount("fra", language, 4), MongoStudyQueries.ToLanguageCount(BsonDocument.Parse(result)));

    private static string SourceFixtures([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "Fixtures");
}
