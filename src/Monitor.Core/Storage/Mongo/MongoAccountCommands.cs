using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>The filters, updates and sorts the store sends to the <c>accounts</c> collection.</summary>
internal static class MongoAccountCommands
{
    private static FilterDefinitionBuilder<BsonDocument> Filter => Builders<BsonDocument>.Filter;

    private static UpdateDefinitionBuilder<BsonDocument> Update => Builders<BsonDocument>.Update;

    /// <summary>Adds a configured account with an empty state or updates its configured fields; state and lease stay.</summary>
    public static WriteModel<BsonDocument> Sync(TrackedAccount account)
    {
        var fields = MongoAccountDocuments.ConfiguredFields(account);
        var update = Update.Combine(fields.Select(field => Update.Set(field.Name, field.Value))
            .Append(Update.SetOnInsert("state", MongoAccountDocuments.State(PollState.New)))
            .Append(Update.SetOnInsert("lease", BsonNull.Value)));
        return new UpdateOneModel<BsonDocument>(Filter.Eq("_id", account.Id), update) { IsUpsert = true };
    }

    /// <summary>
    /// Clears the cursor of a stored account whose platform or handle changed: it is another feed now, and its old ETag,
    /// since-id or resolved id would skip or refuse that feed's posts (the SQLite store does the same). Sent before <see cref="Sync"/>.
    /// </summary>
    public static WriteModel<BsonDocument> ResetCursorIfMoved(TrackedAccount account) =>
        new UpdateOneModel<BsonDocument>(
            Filter.And(Filter.Eq("_id", account.Id), Filter.Or(Filter.Ne("platform", account.Platform), Filter.Ne("handle", account.Handle))),
            Update.Set("state.cursor", MongoAccountDocuments.Cursor(PollCursor.Empty)));

    /// <summary>Disables every stored account that is no longer configured; its history is kept.</summary>
    public static WriteModel<BsonDocument> DisableMissing(IEnumerable<string> configuredIds) =>
        new UpdateManyModel<BsonDocument>(
            Filter.And(Filter.Nin("_id", configuredIds), Filter.Eq("enabled", true)),
            Update.Set("enabled", false));

    public static SortDefinition<BsonDocument> ById { get; } = Builders<BsonDocument>.Sort.Ascending("_id");

    /// <summary>
    /// An enabled account, due unless the schedule is ignored, not polled since the run began, whose lease is free or
    /// expired by the server's clock. Matching and leasing in one findAndModify makes the claim atomic across workers.
    /// </summary>
    public static FilterDefinition<BsonDocument> ClaimFilter(ClaimRequest request, MongoClock clock, string? accountId = null) =>
        Filter.And(ClaimConditions(
            request, clock, accountId ?? request.AccountId, platform: null,
            schedule: request.IgnoreSchedule ? null : Filter.Or(Filter.Eq("state.nextPollAt", BsonNull.Value), Filter.Lte("state.nextPollAt", MongoBson.Of(request.Now))),
            fullPlatforms: request.FullPlatforms.Count > 0 ? Filter.Nin("platform", request.FullPlatforms) : null));

    /// <summary>
    /// One of a platform's two candidate streams (<see cref="ClaimCandidates"/>), each a range of the
    /// <c>accounts_claim_v3</c> index (enabled, platform, state.nextPollAt, _id) in <see cref="CandidateSort(bool)"/>
    /// order: the never-scheduled accounts (nextPollAt null), or those due by the claim's now (any time when the
    /// schedule is ignored: a BSON date compares only with dates, so <c>$lte</c> the largest date matches them all).
    /// </summary>
    public static FilterDefinition<BsonDocument> CandidateFilter(ClaimRequest request, MongoClock clock, string platform, bool neverScheduled) =>
        Filter.And(ClaimConditions(
            request, clock, request.AccountId, platform,
            schedule: neverScheduled
                ? Filter.Eq("state.nextPollAt", BsonNull.Value)
                : Filter.Lte("state.nextPollAt", MongoBson.Of(request.IgnoreSchedule ? DateTimeOffset.MaxValue : request.Now)),
            fullPlatforms: null));

    /// <summary>The never-scheduled stream by id; the scheduled one by next poll, then id (both served by the index).</summary>
    public static SortDefinition<BsonDocument> CandidateSort(bool neverScheduled) => neverScheduled ? ById : DueSort;

    public static FilterDefinition<BsonDocument> EnabledAccounts { get; } = Builders<BsonDocument>.Filter.Eq("enabled", true);

    private static List<FilterDefinition<BsonDocument>> ClaimConditions(
        ClaimRequest request, MongoClock clock, string? accountId, string? platform,
        FilterDefinition<BsonDocument>? schedule, FilterDefinition<BsonDocument>? fullPlatforms)
    {
        var conditions = new List<FilterDefinition<BsonDocument>> { Filter.Eq("enabled", true) };
        if (platform is not null)
        {
            conditions.Add(Filter.Eq("platform", platform));
        }

        // $ne also matches a missing or null status (never polled); identityChanged waits for 'accounts confirm'.
        conditions.Add(Filter.Ne("state.lastStatus", PollStatus.IdentityChanged.ToWireName()));
        if (accountId is not null)
        {
            conditions.Add(Filter.Eq("_id", accountId));
        }

        if (schedule is not null)
        {
            conditions.Add(schedule);
        }

        if (request.PolledBefore is { } polledBefore)
        {
            conditions.Add(Filter.Or(
                Filter.Eq("state.lastPollAt", BsonNull.Value), Filter.Lt("state.lastPollAt", MongoBson.Of(polledBefore))));
        }

        if (fullPlatforms is not null)
        {
            conditions.Add(fullPlatforms);
        }

        conditions.Add(LeaseFree(clock));
        return conditions;
    }

    /// <summary>No lease, or one whose expiry is not after the clock's now (<c>$expr</c>, since <c>$$NOW</c> is an expression).</summary>
    public static FilterDefinition<BsonDocument> LeaseFree(MongoClock clock) => Filter.Or(
        Filter.Eq("lease", BsonNull.Value),
        new BsonDocument("$expr", new BsonDocument("$lte", new BsonArray { "$lease.expiresAt", clock.Now })));

    /// <summary>
    /// A pipeline update (https://www.mongodb.com/docs/manual/tutorial/update-documents-with-aggregation-pipeline/):
    /// the lease with its expiry computed by the clock, and the epoch (fencing token) incremented.
    /// </summary>
    public static UpdateDefinition<BsonDocument> ClaimUpdate(ClaimRequest request, MongoClock clock) =>
        new PipelineUpdateDefinition<BsonDocument>(new BsonDocument[]
        {
            new("$set", new BsonDocument
            {
                { "lease", new BsonDocument { { "owner", request.Owner }, { "expiresAt", clock.After(request.LeaseDuration) } } },
                { "leaseEpoch", new BsonDocument("$add", new BsonArray { new BsonDocument("$ifNull", new BsonArray { "$leaseEpoch", 0L }), 1L }) },
            }),
        });

    /// <summary>Most overdue first (never-polled accounts have a null next poll and sort first); id breaks ties.</summary>
    public static SortDefinition<BsonDocument> DueSort { get; } = Builders<BsonDocument>.Sort.Ascending("state.nextPollAt").Ascending("_id");

    public static FindOneAndUpdateOptions<BsonDocument> ClaimOptions { get; } = new()
    {
        Sort = DueSort,
        ReturnDocument = ReturnDocument.After,
    };

    /// <summary>What a claim's candidate scan reads: enough to decide whether the account can start now.</summary>
    public static ProjectionDefinition<BsonDocument> CandidateProjection { get; } = Builders<BsonDocument>.Projection
        .Include("_id").Include("platform").Include("handle").Include("country").Include("actor").Include("name")
        .Include("language").Include("enabled").Include("state.nextPollAt");

    /// <summary>The lease is still this claim's: same owner and epoch.</summary>
    public static FilterDefinition<BsonDocument> LeaseHeldBy(AccountLease lease) =>
        Filter.And(Filter.Eq("_id", lease.Account.Id), Filter.Eq("lease.owner", lease.Owner), Filter.Eq("leaseEpoch", lease.Epoch));

    public static UpdateDefinition<BsonDocument> FreeLease { get; } = Update.Set("lease", BsonNull.Value);

    /// <summary>Extends a held lease by <paramref name="duration"/> from the clock's now.</summary>
    public static UpdateDefinition<BsonDocument> RenewUpdate(TimeSpan duration, MongoClock clock) =>
        new PipelineUpdateDefinition<BsonDocument>(new BsonDocument[]
        {
            new("$set", new BsonDocument("lease.expiresAt", clock.After(duration))),
        });

    /// <summary>Pushes a platform's accounts due before <paramref name="until"/> to that time; later ones keep theirs.</summary>
    public static FilterDefinition<BsonDocument> DeferFilter(string platform, DateTimeOffset until) =>
        Filter.And(
            Filter.Eq("platform", platform),
            Filter.Or(Filter.Eq("state.nextPollAt", BsonNull.Value), Filter.Lt("state.nextPollAt", MongoBson.Of(until))));

    public static UpdateDefinition<BsonDocument> DeferUpdate(DateTimeOffset until) =>
        Update.Set("state.nextPollAt", MongoBson.Of(until));

    /// <summary>The account, only while it waits for <c>accounts confirm</c>.</summary>
    public static FilterDefinition<BsonDocument> AwaitingConfirmation(string accountId) =>
        Filter.And(Filter.Eq("_id", accountId), Filter.Eq("state.lastStatus", PollStatus.IdentityChanged.ToWireName()));

    /// <summary>A fresh cursor holding the accepted stable id, the status cleared, due now.</summary>
    public static UpdateDefinition<BsonDocument> ConfirmIdentity(string? stableId, DateTimeOffset now) =>
        Update.Combine(
            Update.Set("state.cursor", MongoAccountDocuments.Cursor(PollCursor.Empty with { ExternalId = stableId })),
            Update.Set("state.lastStatus", BsonNull.Value),
            Update.Set("state.lastError", BsonNull.Value),
            Update.Set("state.consecutiveFailures", 0),
            Update.Set("state.nextPollAt", MongoBson.Of(now)));

    /// <summary>
    /// The polling state after a recorded poll, written last and only while the poll's lease is still the account's
    /// (<see cref="LeaseHeldBy"/>), freeing it in the same update. The cursor advances only on success, and only when
    /// the adapter returned one. The platform's creation date is set only when the profile gives it, so it is kept once known.
    /// </summary>
    public static WriteModel<BsonDocument> RecordState(PollRecord record)
    {
        var result = record.Result;
        var updates = new List<UpdateDefinition<BsonDocument>>
        {
            Update.Set("state.lastPollAt", MongoBson.Of(record.CapturedAt)),
            Update.Set("state.nextPollAt", MongoBson.Of(record.NextPollAt)),
            Update.Set("state.consecutiveFailures", record.ConsecutiveFailures),
            Update.Set("state.lastStatus", result.Status.ToWireName()),
            Update.Set("state.lastError", MongoBson.Of(result.Status.IsSuccess() ? null : result.Error)),
            FreeLease,
        };
        if (result.Status.IsSuccess())
        {
            updates.Add(Update.Set("state.lastSuccessAt", MongoBson.Of(record.CapturedAt)));
            if (result.Cursor is { } cursor)
            {
                updates.Add(Update.Set("state.cursor", MongoAccountDocuments.Cursor(cursor)));
            }
        }

        if (result.Profile?.CreatedAt is { } created)
        {
            updates.Add(Update.Set("state.platformCreatedAt", MongoBson.Of(created)));
        }

        return new UpdateOneModel<BsonDocument>(LeaseHeldBy(record.Lease), Update.Combine(updates));
    }
}
