using Microsoft.Extensions.Logging;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// Writes a poll as posts, then snapshot, then account state. A standalone server has no multi-document
/// transactions, so the port's "all or nothing" is kept by order and idempotence instead: every step can be repeated
/// without changing the outcome, and the cursor — the only thing that would make posts be skipped — moves last.
/// A crash in between leaves the cursor where it was; the next poll fetches again and deduplicates.
/// </summary>
internal sealed class MongoPollResultStore(MongoCollections collections, ILogger<MongoPollResultStore> logger) : IPollResultStore
{
    private static readonly BulkWriteOptions Ordered = new() { IsOrdered = true };

    public async Task<PollWriteResult> RecordPollAsync(PollRecord record, CancellationToken cancellationToken)
    {
        var stored = await FindStoredAsync(record, cancellationToken);
        var plan = MongoPostWrites.Plan(record, stored);

        // Inserted upserts, not the plan's guess: a post another worker stored meanwhile is not new here.
        var newPosts = await MongoBulkWrites.UpsertAsync(collections.Posts, plan.Models, logger, cancellationToken);

        var snapshot = record.ToSnapshot(newPosts);
        await InsertSnapshotOnceAsync(snapshot, cancellationToken);

        await collections.Accounts.BulkWriteAsync(
            [MongoAccountCommands.RecordState(record), MongoAccountCommands.ReleaseAfterPoll(record)], Ordered, cancellationToken);
        return new PollWriteResult(newPosts, plan.EditedPosts, plan.DeletedPosts, snapshot);
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

    private async Task InsertSnapshotOnceAsync(ActivitySnapshot snapshot, CancellationToken cancellationToken)
    {
        var exists = await collections.Snapshots.Find(MongoSnapshotCommands.SamePoll(snapshot.AccountId, snapshot.CapturedAt))
            .Limit(1)
            .AnyAsync(cancellationToken);
        if (exists)
        {
            Log.MongoSnapshotAlreadyStored(logger, snapshot.AccountId, snapshot.CapturedAt);
            return;
        }

        try
        {
            await collections.Snapshots.InsertOneAsync(MongoSnapshotDocuments.ToDocument(snapshot), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // Only a regular (fallback) collection has the unique _id index that can say so.
            Log.MongoSnapshotAlreadyStored(logger, snapshot.AccountId, snapshot.CapturedAt);
        }
    }
}
