using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// The <c>accounts</c> document: <c>{ _id, platform, handle, country, actor, name, language, enabled,
/// state: { lastPollAt, nextPollAt, lastSuccessAt, consecutiveFailures, lastStatus, lastError,
/// cursor: { etag, lastModified, position, externalId } }, lease: { owner, expiresAt } | null, leaseEpoch }</c>;
/// <c>leaseEpoch</c> counts the claims of the account (the fencing token) and survives the lease being freed.
/// Activity aggregations elsewhere read this shape, so field names are part of the contract.
/// </summary>
internal static class MongoAccountDocuments
{
    /// <summary>The configured fields of an account (everything but its state and lease).</summary>
    public static BsonDocument ConfiguredFields(TrackedAccount account) => new()
    {
        { "platform", account.Platform },
        { "handle", account.Handle },
        { "country", account.Country },
        { "actor", account.Actor.ToString() },
        { "name", MongoBson.Of(account.Name) },
        { "language", MongoBson.Of(account.Language) },
        { "enabled", account.Enabled },
    };

    public static BsonDocument State(PollState state) => new()
    {
        { "lastPollAt", MongoBson.Of(state.LastPollAt) },
        { "nextPollAt", MongoBson.Of(state.NextPollAt) },
        { "lastSuccessAt", MongoBson.Of(state.LastSuccessAt) },
        { "consecutiveFailures", state.ConsecutiveFailures },
        { "lastStatus", MongoBson.Of(state.LastStatus?.ToWireName()) },
        { "lastError", MongoBson.Of(state.LastError) },
        { "cursor", Cursor(state.Cursor) },
    };

    public static BsonDocument Cursor(PollCursor cursor) => new()
    {
        { "etag", MongoBson.Of(cursor.ETag) },
        { "lastModified", MongoBson.Of(cursor.LastModified) },
        { "position", MongoBson.Of(cursor.Position) },
        { "externalId", MongoBson.Of(cursor.ExternalId) },
    };

    public static AccountRecord ToRecord(BsonDocument document) => new(ToAccount(document), ToState(document.Document("state")));

    /// <summary>The lease a claim just wrote; the document is the one returned after the update.</summary>
    public static AccountLease ToLease(BsonDocument document)
    {
        var lease = document.Document("lease") ?? throw new FormatException("Claimed account document has no lease.");
        return new AccountLease(ToAccount(document), ToState(document.Document("state")),
            lease.RequiredString("owner"), lease.RequiredDate("expiresAt"), document.Long("leaseEpoch") ?? 0);
    }

    public static TrackedAccount ToAccount(BsonDocument document) => new(
        document["_id"].AsString,
        document.RequiredString("platform"),
        document.RequiredString("handle"),
        document.RequiredString("country"),
        Enum.Parse<ActorType>(document.RequiredString("actor")),
        document.String("name"),
        document.String("language"),
        document.Bool("enabled"));

    private static PollState ToState(BsonDocument? state)
    {
        if (state is null)
        {
            return PollState.New;
        }

        var cursor = state.Document("cursor");
        var status = state.String("lastStatus");
        return new PollState(
            state.Date("lastPollAt"),
            state.Date("nextPollAt"),
            state.Date("lastSuccessAt"),
            state.Int("consecutiveFailures") ?? 0,
            status is null ? null : PollStatusNames.Parse(status),
            state.String("lastError"),
            cursor is null
                ? PollCursor.Empty
                : new PollCursor(cursor.String("etag"), cursor.String("lastModified"), cursor.String("position"), cursor.String("externalId")));
    }
}
