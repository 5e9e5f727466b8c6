using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Adapters;
using Monitor.Core.Storage.Mongo;
using Monitor.Testing;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using MongoDB.Bson.Serialization;
using MongoDB.Bson.Serialization.Serializers;
using MongoDB.Driver;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// No MongoDB server here: the pipelines are rendered through the driver and compared with golden files
/// (<c>Fixtures/Activity/mongo-*.json</c>; set MONITOR_UPDATE_GOLDEN=1 to rewrite them after a deliberate change).
/// </summary>
public sealed class MongoActivityPipelinesTests
{
    private static readonly ActivityWindow Window = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));

    public static TheoryData<string> Pipelines => ["posts", "lastPosts", "snapshots", "dailyCounts"];

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Render_April2026_MatchesGoldenFile(string name)
    {
        var stages = name switch
        {
            "posts" => MongoActivityPipelines.Posts(Window),
            "lastPosts" => MongoActivityPipelines.LastPosts(Window),
            "dailyCounts" => MongoActivityPipelines.DailyCounts("fra-mfa", Window),
            _ => MongoActivityPipelines.Snapshots(Window),
        };
        var rendered = PipelineDefinition<BsonDocument, BsonDocument>.Create(stages)
            .Render(new RenderArgs<BsonDocument>(BsonDocumentSerializer.Instance, BsonSerializer.SerializerRegistry));
        var json = new BsonArray(rendered.Documents).ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.RelaxedExtendedJson, Indent = true })
            .ReplaceLineEndings("\n") + "\n";

        var golden = $"Activity/mongo-{name}.json";
        if (Environment.GetEnvironmentVariable("MONITOR_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFixtures(), golden), json);
        }

        Assert.Equal(Fixtures.ReadText(golden), json);
    }

    [Fact]
    public void ToFacts_PipelineResults_MapsEveryFigure()
    {
        var account = (new TrackedAccount("fra", Platforms.Mastodon, "@fra@example", "FRA", ActorType.ForeignMinistry), (PollStatus?)PollStatus.Ok);
        var posts = BsonDocument.Parse("""
            { _id: "fra", originals: 5, replies: 2, reposts: 1, quotes: 0, weeklyCount: 3, activeDays: 4, medianGapMs: 7200000.0,
              byWeekday: [1, 0, 2, 0, 5, 0, 0], byHourUtc: [0,0,0,0,0,0,0,0,8,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0] }
            """);
        var last = new BsonDocument { { "_id", "fra" }, { "lastPostAt", new DateTime(2026, 4, 29, 8, 0, 0, DateTimeKind.Utc) } };
        var snapshots = BsonDocument.Parse("""
            { _id: "fra", followersFirst: { t: ISODate("2026-04-01T00:30:00Z"), v: 100 }, followersLast: { t: ISODate("2026-04-30T18:30:00Z"), v: 130 },
              counterFirst: { t: ISODate("2026-04-01T00:30:00Z"), v: NumberLong(1000) }, counterLast: { t: ISODate("2026-04-30T18:30:00Z"), v: NumberLong(1012) },
              inCounterSpan: [ { n: 8 } ] }
            """);

        var facts = MongoActivityQueries.ToFacts(account, posts, last, snapshots);

        Assert.Equal((5, 2, 1, 0, 4, 3), (facts.Originals, facts.Replies, facts.Reposts, facts.Quotes, facts.ActiveDays, facts.WeeklyCount));
        Assert.Equal(7_200_000d, facts.MedianGapMs);
        Assert.Equal(new DateTimeOffset(2026, 4, 29, 8, 0, 0, TimeSpan.Zero), facts.LastPostAt);
        Assert.Equal([1L, 0, 2, 0, 5, 0, 0], facts.ByWeekday);
        Assert.Equal(8, facts.ByHourUtc[8]);
        Assert.Equal((100L, 130L, 1000L, 1012L, 8L), (facts.FollowersStart!.Value, facts.FollowersEnd!.Value, facts.PostsTotalStart!.Value, facts.PostsTotalEnd!.Value, facts.PostsInCounterSpan!.Value));
    }

    [Fact]
    public void ToFacts_NoPostsNorSnapshots_ZerosAndUnknowns()
    {
        var account = (new TrackedAccount("x", Platforms.X, "x", "DEU", ActorType.Other), (PollStatus?)null);

        var facts = MongoActivityQueries.ToFacts(account, null, null, null);

        Assert.Equal(0, facts.Posts);
        Assert.Equal(new long[24], facts.ByHourUtc);
        Assert.Null(facts.MedianGapMs);
        Assert.Null(facts.LastPostAt);
        Assert.Null(facts.PostsInCounterSpan);
        Assert.Null(facts.FollowersStart);
    }

    [Fact]
    public void ReadAccount_StoreDocument_ReadsAccountAndLastStatus()
    {
        var document = BsonDocument.Parse("""
            { _id: "gbr", platform: "bluesky", handle: "fcdo.example", country: "GBR", actor: "Embassy", name: "UK", enabled: true,
              state: { lastStatus: "suspended", consecutiveFailures: 0 } }
            """);

        var (account, status) = MongoActivityQueries.ReadAccount(document);

        Assert.Equal(new TrackedAccount("gbr", "bluesky", "fcdo.example", "GBR", ActorType.Embassy, "UK"), account);
        Assert.Equal(PollStatus.Suspended, status);
    }

    private static string SourceFixtures([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "..", "Fixtures");
}
