namespace Monitor.Core.Storage;

/// <summary>Start-up and health of the configured store.</summary>
public interface IStorageLifecycle
{
    /// <summary>Creates or migrates the schema (tables, indexes, collections); idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Checks, changing nothing, that the store exists with the schema this version reads: the start-up of read-only
    /// commands. Throws <see cref="StoreNotReadyException"/> naming the database (and the schema version found) when not.
    /// </summary>
    Task OpenReadOnlyAsync(CancellationToken cancellationToken);

    /// <summary>Checks that the store answers; returns null when healthy, else the reason.</summary>
    Task<string?> CheckHealthAsync(CancellationToken cancellationToken);
}
