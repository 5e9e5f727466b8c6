using Monitor.Core.Adapters;
using Monitor.Core.Entities;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Mongo;
using MongoDB.Bson;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

public sealed class MongoDocumentsTests
{
    [Fact]
    public void ToLease_ReadsAccountStateCursorAndLease()
    {
        var state = new PollState(Now.AddMinutes(-15), Now, Now.AddMinutes(-15), 2, PollStatus.Error, "boom",
            new PollCursor("\"e\"", "Sun, 01 Mar 2026 11:00:00 GMT", "110", "acct-7"));
        var document = new BsonDocument { { "_id", Account.Id } }
            .AddRange(MongoAccountDocuments.ConfiguredFields(Account))
            .Add("state", MongoAccountDocuments.State(state))
            .Add("lease", new BsonDocument { { "owner", "host-1/42" }, { "expiresAt", MongoBson.Of(Now.AddMinutes(5)) } });

        Assert.Equal(new AccountLease(Account, state, "host-1/42", Now.AddMinutes(5)), MongoAccountDocuments.ToLease(document));
        Assert.Equal(new AccountRecord(Account, state), MongoAccountDocuments.ToRecord(document));
    }

    [Fact]
    public void ToRecord_WithoutStateIsANewAccount()
    {
        var document = new BsonDocument { { "_id", Account.Id } }.AddRange(MongoAccountDocuments.ConfiguredFields(Account with { Name = null, Enabled = false }));

        Assert.Equal(new AccountRecord(Account with { Name = null, Enabled = false }, PollState.New), MongoAccountDocuments.ToRecord(document));
    }

    [Fact]
    public void ToStoredPost_ReadsEveryField()
    {
        var post = Post("1") with
        {
            Title = "T",
            Kind = PostKind.Quote,
            Language = "en",
            Author = "FCDO",
            Metrics = new PostMetrics(1, 2, 3, 4),
            UpdatedAt = Now.AddMinutes(-30),
            EditedAt = Now.AddMinutes(-20),
        };
        var document = new BsonDocument { { "platform", "mastodon" }, { "accountId", "gbr-fcdo" }, { "postId", "1" } }
            .AddRange(MongoPostDocuments.Fields(new PostWrite(post, "sha256:h", 2, post.EditedAt, null, null, 0, 1, PostWriteKind.Insert, VersionReason.Created), Now, firstSeen: false))
            .Add("firstSeenAt", MongoBson.Of(Now.AddMinutes(-50)));
        document["deletedAt"] = MongoBson.Of(Now);

        Assert.Equal(
            new StoredPost("mastodon", "gbr-fcdo", post, Now.AddMinutes(-50), Now, Now.AddMinutes(-20), Now),
            MongoPostDocuments.ToStoredPost(document));
    }

    [Fact]
    public void ToStoredPost_EntitiesArray_ReadsTheStoredValuesInTheOrderBothStoresUse()
    {
        var post = Post("1", "#Zeta and #alpha, see https://Gov.example/a?utm_source=x @other@social.example") with
        {
            Entities = new PostEntities { Mentions = [new EntityMention("@Bob@social.example", "42")] },
        };
        var document = new BsonDocument { { "platform", "mastodon" }, { "accountId", "gbr-fcdo" }, { "postId", "1" } }
            .AddRange(MongoPostDocuments.Fields(new PostWrite(post, "sha256:h", 2, null, null, null, 0, 1, PostWriteKind.Insert, VersionReason.Created), Now, firstSeen: true))
            .Add(MongoEntityCommands.Field, MongoEntityCommands.Of("mastodon", post));

        var stored = MongoPostDocuments.ToStoredPost(document);

        Assert.Equal(
        [
            new PostEntity(EntityType.Hashtag, "alpha"),
            new PostEntity(EntityType.Hashtag, "zeta"),
            new PostEntity(EntityType.Mention, "bob@social.example", "42"),
            new PostEntity(EntityType.Link, "https://gov.example/a"),
        ], stored.Entities);
        document.Remove(MongoEntityCommands.Field);
        Assert.Empty(MongoPostDocuments.ToStoredPost(document).Entities);
    }
}
