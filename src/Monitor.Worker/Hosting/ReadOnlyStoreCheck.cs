using Microsoft.Extensions.Hosting;
using Monitor.Core.Storage;

namespace Monitor.Worker.Hosting;

/// <summary>
/// The start-up of a read-only command: the store must already exist at this version's schema. Nothing is created,
/// migrated or synced, so a command run beside a live service never changes what that service tracks.
/// </summary>
internal sealed class ReadOnlyStoreCheck(IStorageLifecycle storage) : IHostedService
{
    /// <exception cref="StoreNotReadyException">The store is missing or has another schema version.</exception>
    public Task StartAsync(CancellationToken cancellationToken) => storage.OpenReadOnlyAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
