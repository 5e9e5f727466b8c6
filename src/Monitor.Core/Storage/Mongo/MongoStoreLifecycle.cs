using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>Creates collections and indexes (idempotently, safe for replicas starting together) and pings the server.</summary>
internal sealed class MongoStoreLifecycle(
    MongoCollections collections,
    MongoClock clock,
    IOptions<MongoOptions> options,
    SecretRedactor redactor,
    ILogger<MongoStoreLifecycle> logger) : IStorageLifecycle
{
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await collections.Accounts.Indexes.CreateManyAsync(MongoSchema.AccountIndexes, cancellationToken);
            await DropReplacedIndexAsync(cancellationToken);
            await collections.Posts.Indexes.CreateManyAsync(MongoSchema.PostIndexes, cancellationToken);
            await collections.Versions.Indexes.CreateManyAsync(MongoSchema.VersionIndexes, cancellationToken);
            await collections.Observations.Indexes.CreateManyAsync(MongoSchema.ObservationIndexes, cancellationToken);
            await MongoBackfillMarks.RunOnceAsync(collections.Database, clock, "post-versions-v1",
                () => MongoVersionBackfill.RunAsync(collections, logger, cancellationToken), cancellationToken);
            await MongoBackfillMarks.RunOnceAsync(collections.Database, clock, "search-tokens-v1",
                () => MongoSearchBackfill.RunAsync(collections, cancellationToken), cancellationToken);
            await MongoBackfillMarks.RunOnceAsync(collections.Database, clock, "metric-observations-v1",
                () => MongoObservationBackfill.RunAsync(collections, logger, cancellationToken), cancellationToken);
            await MongoBackfillMarks.RunOnceAsync(collections.Database, clock, "post-entities-v1",
                () => MongoEntityBackfill.RunAsync(collections, cancellationToken), cancellationToken);
            var snapshotsKind = await EnsureSnapshotsAsync(cancellationToken);
            await collections.Snapshots.Indexes.CreateManyAsync(MongoSchema.SnapshotIndexes, cancellationToken);
            Log.MongoInitialized(logger, collections.DatabaseName, collections.Hosts, snapshotsKind);
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            Log.MongoUnavailable(logger, collections.Hosts, collections.DatabaseName, Describe(ex));
            throw;
        }
    }

    /// <summary>Read-only commands create no collection or index: the accounts collection must already exist.</summary>
    public async Task OpenReadOnlyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var listOptions = new ListCollectionNamesOptions { Filter = new BsonDocument("name", MongoSchema.Accounts) };
            using var names = await collections.Database.ListCollectionNamesAsync(listOptions, cancellationToken);
            if (await names.FirstOrDefaultAsync(cancellationToken) is null)
            {
                throw new StoreNotReadyException(
                    $"MongoDB database {collections.DatabaseName} on {collections.Hosts} has no {MongoSchema.Accounts} collection "
                    + "(check Monitor:Storage:Mongo:Database; 'run', 'ingest' or 'accounts sync' create it).");
            }
        }
        catch (Exception ex) when (IsUnreachable(ex))
        {
            var reason = Describe(ex);
            Log.MongoUnavailable(logger, collections.Hosts, collections.DatabaseName, reason);
            throw new StoreNotReadyException($"MongoDB on {collections.Hosts} (database {collections.DatabaseName}) is unavailable: {reason}");
        }
    }

    public async Task<string?> CheckHealthAsync(CancellationToken cancellationToken)
    {
        try
        {
            await collections.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = Describe(ex);
            Log.MongoUnavailable(logger, collections.Hosts, collections.DatabaseName, reason);
            return $"MongoDB on {collections.Hosts} (database {collections.DatabaseName}) is unavailable: {reason}";
        }
    }

    /// <summary>Creates the snapshots collection as time series, or as a regular one where the server has none.</summary>
    /// <summary>The claim index before it ended in <c>_id</c>; gone once, then a no-op.</summary>
    private async Task DropReplacedIndexAsync(CancellationToken cancellationToken)
    {
        try
        {
            await collections.Accounts.Indexes.DropOneAsync("accounts_due", cancellationToken);
        }
        catch (MongoCommandException ex) when (ex.CodeName is "IndexNotFound" or "NamespaceNotFound")
        {
        }
    }

    private async Task<string> EnsureSnapshotsAsync(CancellationToken cancellationToken)
    {
        var listOptions = new ListCollectionsOptions { Filter = MongoSchema.SnapshotCollectionFilter };
        using var existing = await collections.Database.ListCollectionsAsync(listOptions, cancellationToken);
        if (await existing.FirstOrDefaultAsync(cancellationToken) is { } description)
        {
            return description.String("type") ?? "collection";
        }

        try
        {
            await collections.Database.CreateCollectionAsync(MongoSchema.Snapshots, MongoSchema.SnapshotCollectionOptions(), cancellationToken);
            return "timeseries";
        }
        catch (MongoCommandException ex) when (MongoSchema.IsAlreadyCreated(ex))
        {
            return "timeseries";
        }
        catch (MongoCommandException ex) when (MongoSchema.IsTimeSeriesUnsupported(ex))
        {
            Log.MongoTimeSeriesUnsupported(logger, collections.Hosts, $"{ex.CodeName} ({ex.Code})");
        }

        try
        {
            await collections.Database.CreateCollectionAsync(MongoSchema.Snapshots, options: null, cancellationToken);
        }
        catch (MongoCommandException ex) when (MongoSchema.IsAlreadyCreated(ex))
        {
            // Another replica created it first.
        }

        return "collection";
    }

    private static bool IsUnreachable(Exception exception) => exception is TimeoutException or MongoConnectionException;

    /// <summary>
    /// A short, credential-free reason. The driver's server-selection timeout message embeds the whole cluster
    /// description, so it is replaced by what it means.
    /// </summary>
    private string Describe(Exception exception) => exception switch
    {
        TimeoutException => $"no server answered within {options.Value.ServerSelectionTimeout.TotalSeconds:0.###} s",
        MongoConnectionException => "the connection failed: " + redactor.Redact(exception.InnerException?.Message ?? exception.Message),
        _ => $"{exception.GetType().Name}: {redactor.Redact(exception.Message)}",
    };
}
