using Microsoft.Extensions.Logging;
using Monitor.Core.Accounts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>Accounts, polling state and leases in the <c>accounts</c> collection.</summary>
internal sealed class MongoAccountStore(MongoCollections collections, MongoClock clock, ILogger<MongoAccountStore> logger) : IAccountStore
{
    public async Task SyncAccountsAsync(IReadOnlyCollection<TrackedAccount> accounts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (accounts.Count > 0)
        {
            await MongoBulkWrites.UpsertAsync(collections.Accounts, accounts.Select(MongoAccountCommands.ResetCursorIfMoved).ToArray(), logger, cancellationToken);
        }

        var models = accounts.Select(MongoAccountCommands.Sync)
            .Append(MongoAccountCommands.DisableMissing(accounts.Select(account => account.Id)))
            .ToArray();
        await MongoBulkWrites.UpsertAsync(collections.Accounts, models, logger, cancellationToken);
    }

    public async Task<IReadOnlyList<AccountRecord>> ListAccountsAsync(CancellationToken cancellationToken)
    {
        var documents = await collections.Accounts.Find(FilterDefinition<BsonDocument>.Empty)
            .Sort(MongoAccountCommands.ById)
            .ToListAsync(cancellationToken);
        return documents.Select(MongoAccountDocuments.ToRecord).ToArray();
    }

    /// <summary>
    /// One findAndModify per account: each either matches a free, due account and leases it in the same server-side
    /// step or finds nothing, so workers sharing the database never receive the same account. With
    /// <see cref="ClaimRequest.CanStart"/>, the due accounts are first read in schedule order (one query) and only those
    /// that can start now are claimed, each by id with the same filter; <see cref="ClaimRequest.FullPlatforms"/> are left
    /// out of the read, which runs per platform (<see cref="ClaimCandidates"/>) so its cost does not grow with the accounts.
    /// </summary>
    public async Task<IReadOnlyList<AccountLease>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        var update = MongoAccountCommands.ClaimUpdate(request, clock);
        var leases = new List<AccountLease>();
        if (request.CanStart is null)
        {
            var filter = MongoAccountCommands.ClaimFilter(request, clock);
            while (leases.Count < request.MaxCount)
            {
                var claimed = await collections.Accounts.FindOneAndUpdateAsync(filter, update, MongoAccountCommands.ClaimOptions, cancellationToken);
                if (claimed is null)
                {
                    break;
                }

                leases.Add(MongoAccountDocuments.ToLease(claimed));
            }

            return leases;
        }

        // One candidate stream per platform that is not full, merged in schedule order (ClaimCandidates); each picked
        // account is then claimed by id with the same filter, since another worker may have taken it since the read.
        var platforms = await (await collections.Accounts.DistinctAsync<string>("platform", MongoAccountCommands.EnabledAccounts, cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);
        var picked = await ClaimCandidates.PickAsync(platforms, platform => CandidatesAsync(request, platform, cancellationToken), request, cancellationToken);
        foreach (var account in picked)
        {
            var claimed = await collections.Accounts.FindOneAndUpdateAsync(
                MongoAccountCommands.ClaimFilter(request, clock, account.Id), update, MongoAccountCommands.ClaimOptions, cancellationToken);
            if (claimed is not null)
            {
                leases.Add(MongoAccountDocuments.ToLease(claimed));
            }
        }

        return leases;
    }

    private async IAsyncEnumerable<ClaimCandidate> CandidatesAsync(
        ClaimRequest request, string platform, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var neverScheduled in new[] { true, false })
        {
            using var cursor = await collections.Accounts.Find(MongoAccountCommands.CandidateFilter(request, clock, platform, neverScheduled))
                .Sort(MongoAccountCommands.CandidateSort(neverScheduled))
                .Project(MongoAccountCommands.CandidateProjection)
                .Limit(ClaimCandidates.MaxScanned)
                .ToCursorAsync(cancellationToken);
            while (await cursor.MoveNextAsync(cancellationToken))
            {
                foreach (var candidate in cursor.Current)
                {
                    var state = candidate.GetValue("state", new BsonDocument()).AsBsonDocument;
                    yield return new ClaimCandidate(MongoAccountDocuments.ToAccount(candidate), state.Date("nextPollAt"));
                }
            }
        }
    }

    public Task ReleaseAsync(AccountLease lease, CancellationToken cancellationToken) =>
        collections.Accounts.UpdateOneAsync(MongoAccountCommands.LeaseHeldBy(lease), MongoAccountCommands.FreeLease, cancellationToken: cancellationToken);

    public async Task<AccountLease?> RenewLeaseAsync(AccountLease lease, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var renewed = await collections.Accounts.FindOneAndUpdateAsync(
            MongoAccountCommands.LeaseHeldBy(lease),
            MongoAccountCommands.RenewUpdate(duration, clock),
            new FindOneAndUpdateOptions<BsonDocument> { ReturnDocument = ReturnDocument.After },
            cancellationToken);
        return renewed is null ? null : MongoAccountDocuments.ToLease(renewed);
    }

    public async Task<bool> ConfirmIdentityAsync(string accountId, string? stableId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await collections.Accounts.UpdateOneAsync(
            MongoAccountCommands.AwaitingConfirmation(accountId), MongoAccountCommands.ConfirmIdentity(stableId, now), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public Task DeferPlatformAsync(string platform, DateTimeOffset until, CancellationToken cancellationToken) =>
        collections.Accounts.UpdateManyAsync(
            MongoAccountCommands.DeferFilter(platform, until), MongoAccountCommands.DeferUpdate(until), cancellationToken: cancellationToken);
}
