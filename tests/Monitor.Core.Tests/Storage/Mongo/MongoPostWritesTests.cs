using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

public sealed class MongoPostWritesTests
{
    private const string Filter1 = """{ "platform" : "mastodon", "accountId" : "gbr-fcdo", "postId" : "1" }""";
    private const string NowJson = """{ "$date" : "2026-03-01T12:00:00Z" }""";

    [Fact]
    public void Plan_NewPost_InsertsEveryFieldOnlyIfTheUpsertInserts()
    {
        var post = Post("1") with { Title = "T", Language = "en", Author = "FCDO", Metrics = new PostMetrics(1, 2, 3), Media = ["https://cdn.example.org/1.jpg"] };

        var plan = MongoPostWrites.Plan(Poll(post), Stored());

        Assert.Equal((1, 0, 0), (plan.NewPosts, plan.EditedPosts, plan.DeletedPosts));
        var hash = ContentHash.Compute(post);
        Assert.Equal(
            $$"""updateOne {{Filter1}} { "$setOnInsert" : { "url" : "https://example.org/@fcdo/1", "publishedAt" : { "$date" : "2026-03-01T11:00:00Z" }, "publishedAtEstimated" : false, "kind" : "post", "title" : "T", "text" : "Statement", "language" : "en", "languageDetected" : false, "author" : "FCDO", "metrics" : { "replies" : 1, "reposts" : 2, "likes" : 3, "views" : null, "quotes" : null }, "sourceUpdatedAt" : null, "contentHash" : "{{hash}}", "normaliserVersion" : 2, "lastSeenAt" : {{NowJson}}, "editedAt" : null, "deletedAt" : null, "deletionEvidence" : null, "absentChecks" : 0, "latestVersion" : 1, "searchTokens" : ["t", "statement"], "media" : ["https://cdn.example.org/1.jpg"], "firstSeenAt" : {{NowJson}}, "entities" : [] } } upsert""",
            MongoRender.Json(Assert.Single(plan.Models)));
        var version = Assert.Single(plan.Versions);
        Assert.Equal(("created", 1, hash), (version["reason"].AsString, version["version"].AsInt32, version["contentHash"].AsString));
        Assert.Equal("""["https://cdn.example.org/1.jpg"]""", version["media"].ToJson());
    }

    [Fact]
    public void Plan_UnchangedPosts_OnlyMoveLastSeenInOneUpdate()
    {
        var plan = MongoPostWrites.Plan(Poll(Post("1"), Post("2")), Stored(StoredDoc(Post("1")), StoredDoc(Post("2"))));

        Assert.Equal((0, 0, 0), (plan.NewPosts, plan.EditedPosts, plan.DeletedPosts));
        Assert.Empty(plan.Versions);
        Assert.Equal(
            $$"""updateMany { "platform" : "mastodon", "accountId" : "gbr-fcdo", "postId" : { "$in" : ["1", "2"] } } { "$set" : { "lastSeenAt" : {{NowJson}} } }""",
            MongoRender.Json(Assert.Single(plan.Models)));
    }

    [Fact]
    public void Plan_EditedPost_SetsTheMergedFieldsAndAddsAVersion()
    {
        var plan = MongoPostWrites.Plan(Poll(Post("1", "Corrected statement")), Stored(StoredDoc(Post("1"))));

        Assert.Equal((0, 1, 0), (plan.NewPosts, plan.EditedPosts, plan.DeletedPosts));
        var json = MongoRender.Json(Assert.Single(plan.Models));
        Assert.StartsWith($$"""updateOne {{Filter1}} { "$set" : {""", json, StringComparison.Ordinal);
        Assert.Contains($"\"editedAt\" : {NowJson}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("firstSeenAt", json, StringComparison.Ordinal);
        var version = Assert.Single(plan.Versions);
        Assert.Equal(("edited", 2, "Corrected statement"), (version["reason"].AsString, version["version"].AsInt32, version["text"].AsString));
    }

    [Fact]
    public void Plan_AStoredFieldTheFetchLacks_IsKept()
    {
        var stored = StoredDoc(Post("1") with { Language = "en", Author = "FCDO" });

        var json = MongoRender.Json(Assert.Single(MongoPostWrites.Plan(Poll(Post("1") with { Metrics = new PostMetrics(Likes: 5) }), Stored(stored)).Models));

        Assert.Contains("\"language\" : \"en\", \"languageDetected\" : false, \"author\" : \"FCDO\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_Deletions_PositiveEvidenceMarksAbsenceCounts()
    {
        var result = new FetchResult
        {
            Status = PollStatus.Ok,
            Deletions = [new PostDeletion("1", DeletionEvidence.NotFound), new PostDeletion("2", DeletionEvidence.Absent), new PostDeletion("3", DeletionEvidence.NotFound), new PostDeletion("1", DeletionEvidence.NotFound)],
        };
        var stored = Stored(StoredDoc(Post("1")), StoredDoc(Post("2")));

        var plan = MongoPostWrites.Plan(Poll(result), stored);

        Assert.Equal((0, 0, 1), (plan.NewPosts, plan.EditedPosts, plan.DeletedPosts));
        Assert.Equal(
            [
                $$"""updateOne { "platform" : "mastodon", "accountId" : "gbr-fcdo", "postId" : "1", "deletedAt" : null } { "$set" : { "deletedAt" : {{NowJson}}, "deletionEvidence" : "notFound", "absentChecks" : 1, "latestVersion" : 2 } }""",
                """updateOne { "platform" : "mastodon", "accountId" : "gbr-fcdo", "postId" : "2", "deletedAt" : null } { "$set" : { "deletedAt" : null, "deletionEvidence" : null, "absentChecks" : 1, "latestVersion" : 1 } }""",
            ],
            plan.Models.Select(MongoRender.Json));
        var version = Assert.Single(plan.Versions);
        Assert.Equal(("deleted", "notFound", "Statement"), (version["reason"].AsString, version["evidence"].AsString, version["text"].AsString));
    }

    [Fact]
    public void Plan_CaptureId_IsWrittenOnNewAndDeletionVersions()
    {
        const string capture = "<urn:uuid:00000000-0000-4000-8000-000000000001>";
        var result = new FetchResult { Status = PollStatus.Ok, Posts = [Post("1")], Deletions = [new PostDeletion("2", DeletionEvidence.NotFound)] };

        var plan = MongoPostWrites.Plan(Poll(result) with { CaptureId = capture }, Stored(StoredDoc(Post("2"))));

        Assert.Equal(
            [("created", capture), ("deleted", capture)],
            plan.Versions.Select(version => (version["reason"].AsString, version["captureId"].AsString)));
        Assert.Equal(BsonNull.Value, Assert.Single(MongoPostWrites.Plan(Poll(Post("1")), Stored()).Versions)["captureId"]);
    }

    [Fact]
    public void Plan_LeaseLost_OnlyInsertsNewPostsAndIgnoresDeletions()
    {
        var result = new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [Post("1", "Older text"), Post("9")],
            Deletions = [new PostDeletion("2", DeletionEvidence.NotFound)],
        };

        var plan = MongoPostWrites.Plan(Poll(result), Stored(StoredDoc(Post("1")), StoredDoc(Post("2"))), insertOnly: true);

        Assert.Equal((1, 0, 0), (plan.NewPosts, plan.EditedPosts, plan.DeletedPosts));
        Assert.Contains("\"postId\" : \"9\"", MongoRender.Json(Assert.Single(plan.Models)), StringComparison.Ordinal);
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

    private static Dictionary<string, BsonDocument> Stored(params BsonDocument[] documents) =>
        documents.ToDictionary(document => document["postId"].AsString);

    /// <summary>A stored document as the store writes it for <paramref name="post"/>.</summary>
    private static BsonDocument StoredDoc(Post post) =>
        new BsonDocument { { "platform", "mastodon" }, { "accountId", "gbr-fcdo" }, { "postId", post.PostId } }
            .AddRange(MongoPostDocuments.Fields(PostMerge.Create(post, "mastodon", Now.AddHours(-1)), Now.AddHours(-1), firstSeen: true));
}
