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
    /// An enabled account, due unless the schedule is ignored, not polled since the cycle began, whose lease is free
    /// or expired. Matching and leasing in one findAndModify makes the claim atomic across worker processes.
    /// </summary>
    public static FilterDefinition<BsonDocument> ClaimFilter(ClaimRequest request)
    {
        var now = MongoBson.Of(request.Now);
        var conditions = new List<FilterDefinition<BsonDocument>>
        {
            Filter.Eq("enabled", true),
            // $ne also matches a missing or null status (never polled).
            Filter.Ne("state.lastStatus", PollStatus.IdentityChanged.ToWireName()),
        };
        if (request.AccountId is not null)
        {
            conditions.Add(Filter.Eq("_id", request.AccountId));
        }

        if (!request.IgnoreSchedule)
        {
            conditions.Add(Filter.Or(Filter.Eq("state.nextPollAt", BsonNull.Value), Filter.Lte("state.nextPollAt", now)));
        }

        if (request.PolledBefore is { } polledBefore)
        {
            conditions.Add(Filter.Or(
                Filter.Eq("state.lastPollAt", BsonNull.Value), Filter.Lt("state.lastPollAt", MongoBson.Of(polledBefore))));
        }

        conditions.Add(Filter.Or(Filter.Eq("lease", BsonNull.Value), Filter.Lte("lease.expiresAt", now)));
        return Filter.And(conditions);
    }

    public static UpdateDefinition<BsonDocument> ClaimUpdate(ClaimRequest request) =>
        Update.Set("lease", new BsonDocument
        {
            { "owner", request.Owner },
            { "expiresAt", MongoBson.Of(request.Now + request.LeaseDuration) },
        });

    /// <summary>Most overdue first (never-polled accounts have a null next poll and sort first); id breaks ties.</summary>
    public static FindOneAndUpdateOptions<BsonDocument> ClaimOptions { get; } = new()
    {
        Sort = Builders<BsonDocument>.Sort.Ascending("state.nextPollAt").Ascending("_id"),
        ReturnDocument = ReturnDocument.After,
    };

    /// <summary>Frees a lease only while this owner still holds it, so a lease taken over by another worker stays.</summary>
    public static FilterDefinition<BsonDocument> LeaseHeldBy(string accountId, string owner) =>
        Filter.And(Filter.Eq("_id", accountId), Filter.Eq("lease.owner", owner));

    public static UpdateDefinition<BsonDocument> FreeLease { get; } = Update.Set("lease", BsonNull.Value);

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
    /// The polling state after a recorded poll, written last. The cursor advances only on success, and only when the
    /// adapter returned one; the lease is freed by <see cref="LeaseHeldBy"/> + <see cref="FreeLease"/> in the same batch.
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
            Update.Set("state.lastError", MongoBson.Of(result.Error)),
        };
        if (result.Status.IsSuccess())
        {
            updates.Add(Update.Set("state.lastSuccessAt", MongoBson.Of(record.CapturedAt)));
            if (result.Cursor is { } cursor)
            {
                updates.Add(Update.Set("state.cursor", MongoAccountDocuments.Cursor(cursor)));
            }
        }

        return new UpdateOneModel<BsonDocument>(Filter.Eq("_id", record.Lease.Account.Id), Update.Combine(updates));
    }

    public static WriteModel<BsonDocument> ReleaseAfterPoll(PollRecord record) =>
        new UpdateOneModel<BsonDocument>(LeaseHeldBy(record.Lease.Account.Id, record.Lease.Owner), FreeLease);
}
