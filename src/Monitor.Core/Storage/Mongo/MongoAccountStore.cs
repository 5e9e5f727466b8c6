using Microsoft.Extensions.Logging;
using Monitor.Core.Accounts;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>Accounts, polling state and leases in the <c>accounts</c> collection.</summary>
internal sealed class MongoAccountStore(MongoCollections collections, ILogger<MongoAccountStore> logger) : IAccountStore
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
    /// step or finds nothing, so workers sharing the database never receive the same account.
    /// </summary>
    public async Task<IReadOnlyList<AccountLease>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken)
    {
        var filter = MongoAccountCommands.ClaimFilter(request);
        var update = MongoAccountCommands.ClaimUpdate(request);
        var leases = new List<AccountLease>();
        while (leases.Count < request.MaxCount)
        {
            var claimed = await collections.Accounts.FindOneAndUpdateAsync(
                filter, update, MongoAccountCommands.ClaimOptions, cancellationToken);
            if (claimed is null)
            {
                break;
            }

            leases.Add(MongoAccountDocuments.ToLease(claimed));
        }

        return leases;
    }

    public Task ReleaseAsync(AccountLease lease, CancellationToken cancellationToken) =>
        collections.Accounts.UpdateOneAsync(
            MongoAccountCommands.LeaseHeldBy(lease.Account.Id, lease.Owner), MongoAccountCommands.FreeLease, cancellationToken: cancellationToken);

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
