using Microsoft.Extensions.Logging;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Writes a poll as posts and versions, then snapshot, then account state. A standalone server has no
/// multi-document transactions, so the port's "all or nothing" is kept by order and idempotence instead: every step
/// can be repeated without changing the outcome, and the cursor — the only thing that would make posts be skipped —
/// moves last. A crash in between leaves the cursor where it was; the next poll fetches again and deduplicates.
/// The lease is renewed by the server's clock first: a poll whose lease another worker took is fenced off.
/// </summary>
internal sealed class MongoPollResultStore(MongoCollections collections, MongoClock clock, ILogger<MongoPollResultStore> logger) : IPollResultStore
{
    // Long enough for the writes below; the state write frees the lease anyway.
    private static readonly TimeSpan WriteLease = TimeSpan.FromMinutes(2);

    public async Task<PollWriteResult> RecordPollAsync(PollRecord record, CancellationToken cancellationToken)
    {
        var held = await collections.Accounts.FindOneAndUpdateAsync(
            MongoAccountCommands.LeaseHeldBy(record.Lease), MongoAccountCommands.RenewUpdate(WriteLease, clock),
            cancellationToken: cancellationToken) is not null;
        var stored = await FindStoredAsync(record, cancellationToken);
        var plan = MongoPostWrites.Plan(record, stored, insertOnly: !held);

        // Inserted upserts, not the plan's guess: a post another worker stored meanwhile is not new here.
        var newPosts = await MongoBulkWrites.UpsertAsync(collections.Posts, plan.Models, logger, cancellationToken);
        await InsertVersionsAsync(plan, cancellationToken);
        var account = record.Lease.Account;
        await MongoBulkWrites.UpsertAsync(collections.Observations,
            MongoObservationCommands.Upserts(account.Platform, account.Id, MongoPostWrites.Observations(record), leaseLost: !held), logger, cancellationToken);

        var snapshot = record.ToSnapshot(newPosts);
        await collections.Snapshots.InsertOneAsync(MongoSnapshotDocuments.ToDocument(snapshot), cancellationToken: cancellationToken);
        if (held)
        {
            await collections.Accounts.BulkWriteAsync([MongoAccountCommands.RecordState(record)], cancellationToken: cancellationToken);
        }
        else
        {
            Log.PollFencedOff(logger, record.Lease.Account.Id, record.Lease.Owner, record.Lease.Epoch);
        }

        return new PollWriteResult(newPosts, plan.EditedPosts, plan.DeletedPosts, snapshot, LeaseLost: !held);
    }

    public async Task<int> CountPostsSinceAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken) =>
        (int)await collections.Posts.CountDocumentsAsync(MongoPostCommands.PublishedSince(accountId, since), cancellationToken: cancellationToken);

    public async Task<IReadOnlyList<KnownPost>> GetRecentPostsAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        // Limit(0) would mean "no limit" to the server.
        if (limit <= 0)
        {
            return [];
        }

        var documents = await collections.Posts.Find(MongoPostCommands.Recent(accountId))
            .Sort(MongoPostCommands.RecentSort)
            .Project(MongoPostCommands.RecentProjection)
            .Limit(limit)
            .ToListAsync(cancellationToken);
        return documents.Select(document => new KnownPost(document.RequiredString("postId"), document.RequiredDate("publishedAt"))).ToArray();
    }

    private async Task InsertVersionsAsync(PostWritePlan plan, CancellationToken cancellationToken)
    {
        if (plan.Versions.Count == 0)
        {
            return;
        }

        try
        {
            await collections.Versions.InsertManyAsync(plan.Versions, new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoBulkWriteException<BsonDocument> ex) when (MongoBulkWrites.IsOnlyDuplicateKeys(ex))
        {
            // A repeated write of the same poll: those versions are stored already.
        }
    }

    private async Task<IReadOnlyDictionary<string, BsonDocument>> FindStoredAsync(PollRecord record, CancellationToken cancellationToken)
    {
        var ids = MongoPostWrites.IdsToLookUp(record);
        if (ids.Count == 0)
        {
            return new Dictionary<string, BsonDocument>();
        }

        var account = record.Lease.Account;
        var documents = await collections.Posts.Find(MongoPostCommands.Existing(account.Platform, account.Id, ids))
            .Project(MongoPostCommands.ExistingProjection)
            .ToListAsync(cancellationToken);
        return documents.ToDictionary(document => document.RequiredString("postId"), StringComparer.Ordinal);
    }
}
