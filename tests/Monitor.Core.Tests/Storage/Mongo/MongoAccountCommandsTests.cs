using MongoDB.Bson;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Mongo;
using static Monitor.Core.Tests.Storage.Mongo.MongoTestData;

namespace Monitor.Core.Tests.Storage.Mongo;

public sealed class MongoAccountCommandsTests
{
    private const string NowJson = """{ "$date" : "2026-03-01T12:00:00Z" }""";

    [Fact]
    public void Sync_UpsertsConfiguredFieldsAndSetsAnEmptyStateOnlyOnInsert()
    {
        Assert.Equal(
            """updateOne { "_id" : "gbr-fcdo" } { "$set" : { "platform" : "mastodon", "handle" : "@fcdo@example.org", "country" : "GBR", "actor" : "ForeignMinistry", "name" : "FCDO", "language" : "en", "enabled" : true }, "$setOnInsert" : { "state" : { "lastPollAt" : null, "nextPollAt" : null, "lastSuccessAt" : null, "consecutiveFailures" : 0, "lastStatus" : null, "lastError" : null, "cursor" : { "etag" : null, "lastModified" : null, "position" : null, "externalId" : null } }, "lease" : null } } upsert""",
            MongoRender.Json(MongoAccountCommands.Sync(Account)));
    }

    [Fact]
    public void DisableMissing_DisablesEnabledAccountsNotConfigured()
    {
        Assert.Equal(
            """updateMany { "_id" : { "$nin" : ["a", "b"] }, "enabled" : true } { "$set" : { "enabled" : false } }""",
            MongoRender.Json(MongoAccountCommands.DisableMissing(["a", "b"])));
    }

    public static TheoryData<ClaimRequest, string> ClaimFilters => new()
    {
        {
            new ClaimRequest("w", Now, TimeSpan.FromMinutes(5), 10),
            """{ "$and" : [{ "enabled" : true }, { "state.lastStatus" : { "$ne" : "identityChanged" } }, { "$or" : [{ "state.nextPollAt" : null }, { "state.nextPollAt" : { "$lte" : NOW } }] }, { "$or" : [{ "lease" : null }, { "$expr" : { "$lte" : ["$lease.expiresAt", NOW] } }] }] }"""
        },
        {
            new ClaimRequest("w", Now, TimeSpan.FromMinutes(5), 10, IgnoreSchedule: true),
            """{ "enabled" : true, "state.lastStatus" : { "$ne" : "identityChanged" }, "$or" : [{ "lease" : null }, { "$expr" : { "$lte" : ["$lease.expiresAt", NOW] } }] }"""
        },
        {
            new ClaimRequest("w", Now, TimeSpan.FromMinutes(5), 1, IgnoreSchedule: true, AccountId: "gbr-fcdo", PolledBefore: Now.AddMinutes(-1)),
            """{ "$and" : [{ "enabled" : true }, { "state.lastStatus" : { "$ne" : "identityChanged" } }, { "_id" : "gbr-fcdo" }, { "$or" : [{ "state.lastPollAt" : null }, { "state.lastPollAt" : { "$lt" : { "$date" : "2026-03-01T11:59:00Z" } } }] }, { "$or" : [{ "lease" : null }, { "$expr" : { "$lte" : ["$lease.expiresAt", NOW] } }] }] }"""
        },
        {
            new ClaimRequest("w", Now, TimeSpan.FromMinutes(5), 10, IgnoreSchedule: true) { FullPlatforms = ["rss", "mastodon"] },
            """{ "enabled" : true, "state.lastStatus" : { "$ne" : "identityChanged" }, "platform" : { "$nin" : ["rss", "mastodon"] }, "$or" : [{ "lease" : null }, { "$expr" : { "$lte" : ["$lease.expiresAt", NOW] } }] }"""
        },
    };

    [Theory]
    [MemberData(nameof(ClaimFilters))]
    public void ClaimFilter_MatchesEnabledDueAccountsWithAFreeOrExpiredLease(ClaimRequest request, string expected)
    {
        Assert.Equal(expected.Replace("NOW", NowJson, StringComparison.Ordinal), MongoRender.Json(MongoAccountCommands.ClaimFilter(request, MongoClock.Literal(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now)))));
    }

    [Theory]
    [InlineData(true, false, """{ "enabled" : true, "platform" : "rss", "state.lastStatus" : { "$ne" : "identityChanged" }, "state.nextPollAt" : null, "$or" : [{ "lease" : null }, { "$expr" : { "$lte" : ["$lease.expiresAt", NOW] } }] }""", """{ "_id" : 1 }""")]
    [InlineData(false, false, """{ "enabled" : true, "platform" : "rss", "state.lastStatus" : { "$ne" : "identityChanged" }, "state.nextPollAt" : { "$lte" : NOW }, "$or" : [{ "lease" : null }, { "$expr" : { "$lte" : ["$lease.expiresAt", NOW] } }] }""", """{ "state.nextPollAt" : 1, "_id" : 1 }""")]
    [InlineData(false, true, """{ "enabled" : true, "platform" : "rss", "state.lastStatus" : { "$ne" : "identityChanged" }, "state.nextPollAt" : { "$lte" : { "$date" : "9999-12-31T23:59:59.999Z" } }, "$or" : [{ "lease" : null }, { "$expr" : { "$lte" : ["$lease.expiresAt", NOW] } }] }""", """{ "state.nextPollAt" : 1, "_id" : 1 }""")]
    public void CandidateFilter_OnePlatformsStream_IsARangeOfTheClaimIndexInItsSortOrder(bool neverScheduled, bool ignoreSchedule, string filter, string sort)
    {
        var request = new ClaimRequest("w", Now, TimeSpan.FromMinutes(5), 10, IgnoreSchedule: ignoreSchedule) { FullPlatforms = ["mastodon"] };
        var clock = MongoClock.Literal(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));

        var rendered = MongoRender.Json(MongoAccountCommands.CandidateFilter(request, clock, "rss", neverScheduled));
        var renderedSort = MongoRender.Json(MongoAccountCommands.CandidateSort(neverScheduled));

        Assert.Equal(filter.Replace("NOW", NowJson, StringComparison.Ordinal), rendered);
        Assert.Equal(sort, renderedSort);
        // Equality on enabled and platform (and a null next poll), then the sort: served by the claim index, not the global one.
        BsonDocument[] stages = [new("$match", BsonDocument.Parse(rendered)), new("$sort", BsonDocument.Parse(renderedSort))];
        Assert.Equal("accounts_claim_v3", MongoIndexPrefix.ServingIndex(stages, MongoSchema.AccountIndexes));
    }

    [Fact]
    public void ServerClock_RendersNowAsTheServersTime()
    {
        var request = new ClaimRequest("host-1/42", Now, TimeSpan.FromMinutes(5), 10);

        Assert.Contains("""{ "$expr" : { "$lte" : ["$lease.expiresAt", "$$NOW"] } }""", MongoRender.Json(MongoAccountCommands.ClaimFilter(request, MongoClock.Server)), StringComparison.Ordinal);
        Assert.Contains("""{ "$add" : ["$$NOW", 300000] }""", MongoRender.Json(MongoAccountCommands.ClaimUpdate(request, MongoClock.Server)), StringComparison.Ordinal);
        Assert.Same(MongoClock.Server, MongoClock.For(TimeProvider.System));
    }

    [Fact]
    public void ConfirmIdentity_MatchesOnlyAWaitingAccountAndStartsItsCursorOverWithTheAcceptedId()
    {
        Assert.Equal(
            """{ "_id" : "gbr-fcdo", "state.lastStatus" : "identityChanged" }""",
            MongoRender.Json(MongoAccountCommands.AwaitingConfirmation("gbr-fcdo")));
        Assert.Equal(
            """{ "$set" : { "state.cursor" : { "etag" : null, "lastModified" : null, "position" : null, "externalId" : "1999999999999" }, "state.lastStatus" : null, "state.lastError" : null, "state.consecutiveFailures" : 0, "state.nextPollAt" : NOW } }""".Replace("NOW", NowJson, StringComparison.Ordinal),
            MongoRender.Json(MongoAccountCommands.ConfirmIdentity("1999999999999", Now)));
    }

    [Fact]
    public void ClaimUpdate_SetsOwnerAndExpiry()
    {
        var request = new ClaimRequest("host-1/42", Now, TimeSpan.FromMinutes(5), 10);

        Assert.Equal(
            """[{ "$set" : { "lease" : { "owner" : "host-1/42", "expiresAt" : { "$add" : [{ "$date" : "2026-03-01T12:00:00Z" }, 300000] } }, "leaseEpoch" : { "$add" : [{ "$ifNull" : ["$leaseEpoch", 0] }, 1] } } }]""",
            MongoRender.Json(MongoAccountCommands.ClaimUpdate(request, MongoClock.Literal(new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now)))));
    }

    [Fact]
    public void ClaimOptions_TakeTheMostOverdueFirstAndReturnTheLeasedDocument()
    {
        Assert.Equal("""{ "state.nextPollAt" : 1, "_id" : 1 }""", MongoRender.Json(MongoAccountCommands.ClaimOptions.Sort));
        Assert.Equal(MongoDB.Driver.ReturnDocument.After, MongoAccountCommands.ClaimOptions.ReturnDocument);
    }

    [Fact]
    public void Release_FreesTheLeaseOnlyWhileTheOwnerHoldsIt()
    {
        Assert.Equal("""{ "_id" : "gbr-fcdo", "lease.owner" : "host-1/42", "leaseEpoch" : 7 }""", MongoRender.Json(MongoAccountCommands.LeaseHeldBy(Lease() with { Epoch = 7 })));
        Assert.Equal("""{ "$set" : { "lease" : null } }""", MongoRender.Json(MongoAccountCommands.FreeLease));
    }

    [Fact]
    public void Defer_MovesOnlyAccountsDueEarlierToTheLimit()
    {
        var until = Now.AddHours(1);

        Assert.Equal(
            """{ "platform" : "x", "$or" : [{ "state.nextPollAt" : null }, { "state.nextPollAt" : { "$lt" : { "$date" : "2026-03-01T13:00:00Z" } } }] }""",
            MongoRender.Json(MongoAccountCommands.DeferFilter("x", until)));
        Assert.Equal("""{ "$set" : { "state.nextPollAt" : { "$date" : "2026-03-01T13:00:00Z" } } }""", MongoRender.Json(MongoAccountCommands.DeferUpdate(until)));
    }

    [Fact]
    public void RecordState_OnSuccessAdvancesTheCursorAndLastSuccess()
    {
        var record = Poll(new FetchResult { Status = PollStatus.Ok, Cursor = new PollCursor("\"e1\"", null, "110", "acct-7") });

        Assert.Equal(
            """updateOne { "_id" : "gbr-fcdo", "lease.owner" : "host-1/42", "leaseEpoch" : 0 } { "$set" : { "state.lastPollAt" : NOW, "state.nextPollAt" : { "$date" : "2026-03-01T12:15:00Z" }, "state.consecutiveFailures" : 0, "state.lastStatus" : "ok", "state.lastError" : null, "lease" : null, "state.lastSuccessAt" : NOW, "state.cursor" : { "etag" : "\"e1\"", "lastModified" : null, "position" : "110", "externalId" : "acct-7" } } }"""
                .Replace("NOW", NowJson, StringComparison.Ordinal),
            MongoRender.Json(MongoAccountCommands.RecordState(record)));
    }

    [Fact]
    public void RecordState_OnFailureKeepsCursorAndLastSuccess()
    {
        var record = Poll(FetchResult.Failed(PollStatus.RateLimited, "429 Too Many Requests", 429) with { Cursor = new PollCursor(Position: "999") });

        Assert.Equal(
            """updateOne { "_id" : "gbr-fcdo", "lease.owner" : "host-1/42", "leaseEpoch" : 0 } { "$set" : { "state.lastPollAt" : NOW, "state.nextPollAt" : { "$date" : "2026-03-01T12:15:00Z" }, "state.consecutiveFailures" : 1, "state.lastStatus" : "rateLimited", "state.lastError" : "429 Too Many Requests", "lease" : null } }"""
                .Replace("NOW", NowJson, StringComparison.Ordinal),
            MongoRender.Json(MongoAccountCommands.RecordState(record)));
    }

    [Fact]
    public void RecordState_OnSuccessWithoutCursorKeepsTheStoredCursor()
    {
        var json = MongoRender.Json(MongoAccountCommands.RecordState(Poll(new FetchResult { Status = PollStatus.NotModified })));

        Assert.DoesNotContain("state.cursor", json, StringComparison.Ordinal);
        Assert.Contains("\"state.lastSuccessAt\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordState_ProfileWithCreationDate_SetsPlatformCreatedAtAndWithoutOneLeavesIt()
    {
        var created = new DateTimeOffset(2013, 12, 14, 4, 35, 55, TimeSpan.Zero);
        var json = MongoRender.Json(MongoAccountCommands.RecordState(Poll(FetchResult.Failed(PollStatus.RateLimited, "limit", 429) with
        {
            Profile = new ProfileCounts(10) { CreatedAt = created },
        })));

        Assert.EndsWith("""
            "lease" : null, "state.platformCreatedAt" : { "$date" : "2013-12-14T04:35:55Z" } } }
            """, json, StringComparison.Ordinal);
        Assert.DoesNotContain("platformCreatedAt", MongoRender.Json(MongoAccountCommands.RecordState(Poll(new FetchResult
        {
            Status = PollStatus.Ok, Profile = new ProfileCounts(10),
        }))), StringComparison.Ordinal);
    }

    [Fact]
    public void ResetCursorIfMoved_MatchesOnlyAChangedPlatformOrHandleAndEmptiesTheCursor()
    {
        Assert.Equal(
            $$"""updateOne { "_id" : "{{Account.Id}}", "$or" : [{ "platform" : { "$ne" : "{{Account.Platform}}" } }, { "handle" : { "$ne" : "{{Account.Handle}}" } }] } { "$set" : { "state.cursor" : { "etag" : null, "lastModified" : null, "position" : null, "externalId" : null } } }""",
            MongoRender.Json(MongoAccountCommands.ResetCursorIfMoved(Account)));
    }
}
