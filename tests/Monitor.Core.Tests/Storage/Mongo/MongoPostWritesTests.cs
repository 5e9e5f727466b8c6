using Monitor.Core.Storage;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

public sealed class MongoPostWritesTests
{
    private const string Filter1 = """{ "platform" : "mastodon", "accountId" : "gbr-fcdo", "postId" : "1" }""";
    private const string NowJson = """{ "$date" : "2026-03-01T12:00:00Z" }""";

    [Fact]
    public void Plan_NewPost_UpsertsEveryFieldAndSetsFirstSeenOnInsert()
    {
        var post = Post("1") with { Title = "T", Language = "en", Author = "FCDO", Metrics = new PostMetrics(1, 2, 3) };

        var plan = MongoPostWrites.Plan(Poll(post), Stored());

        Assert.Equal((1, 0, 0), (plan.NewPosts, plan.EditedPosts, plan.DeletedPosts));
        var hash = PostMerge.ContentHash(post);
        Assert.Equal(
            $$"""updateOne {{Filter1}} { "$set" : { "url" : "https://example.org/@fcdo/1", "kind" : "post", "title" : "T", "text" : "Statement", "language" : "en", "author" : "FCDO", "metrics" : { "replies" : 1, "reposts" : 2, "likes" : 3, "views" : null }, "sourceUpdatedAt" : null, "contentHash" : "{{hash}}", "lastSeenAt" : {{NowJson}}, "publishedAt" : { "$date" : "2026-03-01T11:00:00Z" }, "publishedAtEstimated" : false }, "$setOnInsert" : { "firstSeenAt" : {{NowJson}}, "editedAt" : null, "deletedAt" : null } } upsert""",
            MongoRender.Json(Assert.Single(plan.Models)));
    }

    [Fact]
    public void Plan_UnchangedPost_RefreshesLastSeenWithoutEdit()
    {
        var post = Post("1");

        var plan = MongoPostWrites.Plan(Poll(post), Stored(StoredDoc("1", PostMerge.ContentHash(post))));

        Assert.Equal((0, 0, 0), (plan.NewPosts, plan.EditedPosts, plan.DeletedPosts));
        var json = MongoRender.Json(Assert.Single(plan.Models));
        Assert.Contains($"\"lastSeenAt\" : {NowJson}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"editedAt\"", json, StringComparison.Ordinal);
        Assert.EndsWith("""{ "firstSeenAt" : { "$date" : "2026-03-01T12:00:00Z" } } } upsert""", json, StringComparison.Ordinal);
    }

    public static TheoryData<Post, BsonDocument, string> Edits => new()
    {
        { Post("1", "Corrected statement"), StoredDoc("1", PostMerge.ContentHash(Post("1"))), NowJson },
        {
            Post("1") with { UpdatedAt = Now.AddMinutes(-5) },
            StoredDoc("1", PostMerge.ContentHash(Post("1")), sourceUpdatedAt: Now.AddMinutes(-30)),
            """{ "$date" : "2026-03-01T11:55:00Z" }"""
        },
        {
            Post("1") with { EditedAt = Now.AddMinutes(-2) },
            StoredDoc("1", PostMerge.ContentHash(Post("1"))),
            """{ "$date" : "2026-03-01T11:58:00Z" }"""
        },
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Plan_EditedPost_CountsTheEditAndSetsEditedAt(Post post, BsonDocument stored, string expectedEditedAt)
    {
        var plan = MongoPostWrites.Plan(Poll(post), Stored(stored));

        Assert.Equal((0, 1, 0), (plan.NewPosts, plan.EditedPosts, plan.DeletedPosts));
        Assert.Contains($"\"editedAt\" : {expectedEditedAt}", MongoRender.Json(Assert.Single(plan.Models)), StringComparison.Ordinal);
    }

    public static TheoryData<Post, BsonDocument> NotEdits => new()
    {
        // Sub-millisecond ticks are lost in storage; the same time read back is not "forward".
        { Post("1") with { UpdatedAt = Now.AddTicks(1234) }, StoredDoc("1", PostMerge.ContentHash(Post("1")), sourceUpdatedAt: Now) },
        { Post("1") with { UpdatedAt = Now.AddHours(-1) }, StoredDoc("1", PostMerge.ContentHash(Post("1")), sourceUpdatedAt: Now) },
        { Post("1") with { EditedAt = Now.AddMinutes(-2) }, StoredDoc("1", PostMerge.ContentHash(Post("1")), editedAt: Now.AddMinutes(-2)) },
        { Post("1") with { Metrics = new PostMetrics(Likes: 99) }, StoredDoc("1", PostMerge.ContentHash(Post("1"))) },
    };

    [Theory]
    [MemberData(nameof(NotEdits))]
    public void Plan_SameContent_IsNotAnEdit(Post post, BsonDocument stored)
    {
        Assert.Equal(0, MongoPostWrites.Plan(Poll(post), Stored(stored)).EditedPosts);
    }

    [Fact]
    public void Plan_EstimatedDateOfAStoredPost_KeepsTheFirstEstimate()
    {
        var post = Post("1", published: Now) with { PublishedAtEstimated = true };

        var json = MongoRender.Json(Assert.Single(MongoPostWrites.Plan(Poll(post), Stored(StoredDoc("1", "h"))).Models));

        Assert.DoesNotContain("publishedAt\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("publishedAtEstimated", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Deletions_MarkOnlyStoredLivePostsOnce()
    {
        var result = new FetchResult { Status = PollStatus.Ok, Deletions = [new PostDeletion("1", DeletionEvidence.NotFound), new PostDeletion("2", DeletionEvidence.NotFound), new PostDeletion("3", DeletionEvidence.NotFound), new PostDeletion("1", DeletionEvidence.NotFound)] };
        var stored = Stored(StoredDoc("1", "h"), StoredDoc("2", "h", deletedAt: Now.AddDays(-1)));

        var plan = MongoPostWrites.Plan(Poll(result), stored);

        Assert.Equal((0, 0, 1), (plan.NewPosts, plan.EditedPosts, plan.DeletedPosts));
        Assert.Equal(
            $$"""updateOne { "platform" : "mastodon", "accountId" : "gbr-fcdo", "postId" : "1", "deletedAt" : null } { "$set" : { "deletedAt" : {{NowJson}} } }""",
            MongoRender.Json(Assert.Single(plan.Models)));
    }

    [Fact]
    public void Plan_DuplicatePostsInOnePoll_AreWrittenOnce()
    {
        var plan = MongoPostWrites.Plan(Poll(Post("1"), Post("2"), Post("1")), Stored());

        Assert.Equal(2, plan.NewPosts);
        Assert.Equal(2, plan.Models.Count);
    }

    [Fact]
    public void IdsToLookUp_CoversPostsAndDeletionsOnce()
    {
        var record = Poll(new FetchResult { Status = PollStatus.Ok, Posts = [Post("1"), Post("2")], Deletions = [new PostDeletion("2", DeletionEvidence.NotFound), new PostDeletion("3", DeletionEvidence.NotFound)] });

        Assert.Equal(["1", "2", "3"], MongoPostWrites.IdsToLookUp(record));
    }

    [Fact]
    public void ContentHash_IsSha256HexOfTitleNewlineText()
    {
        // printf 'T\nBody' | sha256sum
        Assert.Equal("53b7384115176bcf8991b05813145ca1cd2ecd9dccae2197c5755324a79db711", PostMerge.ContentHash(Post("1", "Body") with { Title = "T" }));
    }

    private static Dictionary<string, BsonDocument> Stored(params BsonDocument[] documents) =>
        documents.ToDictionary(document => document["postId"].AsString);

    private static BsonDocument StoredDoc(string postId, string hash, DateTimeOffset? sourceUpdatedAt = null, DateTimeOffset? editedAt = null, DateTimeOffset? deletedAt = null) => new()
    {
        { "postId", postId },
        { "contentHash", hash },
        { "publishedAt", MongoBson.Of(Post(postId).PublishedAt) },
        { "publishedAtEstimated", false },
        { "sourceUpdatedAt", MongoBson.Of(sourceUpdatedAt) },
        { "editedAt", MongoBson.Of(editedAt) },
        { "deletedAt", MongoBson.Of(deletedAt) },
    };
}
