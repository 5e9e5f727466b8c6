using Monitor.Core.Activity;
using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>
/// Every report pipeline's leading <c>$match</c>/<c>$sort</c> is served by an index that <see cref="MongoSchema"/>
/// creates on the collection the pipeline runs on; a new pipeline (or a changed index) without one fails here.
/// </summary>
public sealed class MongoReportIndexTests
{
    private static readonly ActivityWindow Window = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));

    /// <summary>Each pipeline the report queries send, with the collection it runs on and the index expected to serve it.</summary>
    public static TheoryData<string, string, string> Pipelines => new()
    {
        { "activity posts", MongoSchema.Posts, "posts_published" },
        { "activity lastPosts", MongoSchema.Posts, "posts_account_published" },
        { "activity snapshots", MongoSchema.Snapshots, "snapshots_captured" },
        { "activity snapshots $lookup", MongoSchema.Posts, "posts_account_published" },
        { "activity dailyCounts", MongoSchema.Posts, "posts_account_published" },
        { "study polls", MongoSchema.Snapshots, "snapshots_captured" },
        { "study firstPosts", MongoSchema.Posts, "posts_account_published" },
        { "study reposts", MongoSchema.Posts, "posts_published" },
        { "study languages", MongoSchema.Posts, "posts_published" },
    };

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void LeadingStage_EveryReportPipeline_IsServedByAnIndexOfItsCollection(string pipeline, string collection, string expected)
    {
        var stages = MongoIndexPrefix.Render(Stages(pipeline));

        Assert.Equal(expected, MongoIndexPrefix.ServingIndex(stages, Indexes(collection)));
    }

    [Fact]
    public void Pipelines_ListsEveryReportPipeline()
    {
        // A report pipeline added to MongoActivityPipelines or MongoStudyPipelines must be listed above.
        var methods = typeof(MongoActivityPipelines).GetMethods().Concat(typeof(MongoStudyPipelines).GetMethods())
            .Where(m => m.IsStatic && m.ReturnType == typeof(BsonDocument[])).Select(m => m.Name).Order(StringComparer.Ordinal);
        var listed = Pipelines.Select(p => p.Data.Item1.Split(' ')[1]).Distinct().Select(n => char.ToUpperInvariant(n[0]) + n[1..]).Order(StringComparer.Ordinal);

        Assert.Equal(methods, listed);
    }

    [Fact]
    public void ServingIndex_MatchOnUnindexedField_FindsNone()
    {
        var stages = MongoIndexPrefix.Render([new("$match", new BsonDocument("kind", "reply"))]);

        Assert.Null(MongoIndexPrefix.ServingIndex(stages, MongoSchema.PostIndexes));
    }

    [Fact]
    public void ServingIndex_SortInMixedDirections_FindsNone()
    {
        var stages = MongoIndexPrefix.Render(
        [
            new("$match", new BsonDocument("publishedAt", new BsonDocument("$lt", DateTime.UnixEpoch))),
            new("$sort", new BsonDocument { { "accountId", 1 }, { "publishedAt", -1 } }),
        ]);

        Assert.Null(MongoIndexPrefix.ServingIndex(stages, MongoSchema.PostIndexes));
    }

    [Fact]
    public void ServingIndex_RangeBeforeEquality_FindsNone()
    {
        // (publishedAt, accountId, …) puts the range first: an account's posts are scattered over the whole range.
        var stages = MongoIndexPrefix.Render([new("$match", new BsonDocument { { "accountId", "a" }, { "publishedAt", new BsonDocument("$gte", DateTime.UnixEpoch) } })]);
        var rangeFirst = MongoSchema.PostIndexes.Where(i => i.Options.Name == "posts_published");

        Assert.Null(MongoIndexPrefix.ServingIndex(stages, rangeFirst));
    }

    private static BsonDocument[] Stages(string pipeline) => pipeline switch
    {
        "activity posts" => MongoActivityPipelines.Posts(Window),
        "activity lastPosts" => MongoActivityPipelines.LastPosts(Window),
        "activity snapshots" => MongoActivityPipelines.Snapshots(Window),
        "activity snapshots $lookup" => LookupPipeline(MongoActivityPipelines.Snapshots(Window)),
        "activity dailyCounts" => MongoActivityPipelines.DailyCounts("fra-mfa", Window),
        "study polls" => MongoStudyPipelines.Polls(Window),
        "study firstPosts" => MongoStudyPipelines.FirstPosts(Window),
        "study reposts" => MongoStudyPipelines.Reposts(Window),
        _ => MongoStudyPipelines.Languages(Window),
    };

    private static BsonDocument[] LookupPipeline(BsonDocument[] stages) =>
        stages.Single(s => s.Contains("$lookup"))["$lookup"]["pipeline"].AsBsonArray.Select(s => s.AsBsonDocument).ToArray();

    private static IReadOnlyList<CreateIndexModel<BsonDocument>> Indexes(string collection) => collection switch
    {
        MongoSchema.Posts => MongoSchema.PostIndexes,
        MongoSchema.Snapshots => MongoSchema.SnapshotIndexes,
        _ => throw new ArgumentOutOfRangeException(nameof(collection), collection, null),
    };
}
