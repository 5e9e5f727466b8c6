namespace Monitor.Core.Storage;

/// <summary>Start-up and health of the configured store.</summary>
public interface IStorageLifecycle
{
    /// <summary>Creates or migrates the schema (tables, indexes, collections); idempotent.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Checks that the store answers; returns null when healthy, else the reason.</summary>
    Task<string?> CheckHealthAsync(CancellationToken cancellationToken);
}
