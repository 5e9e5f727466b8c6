using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

/// <summary>
/// Wraps the registered account store and releases a semaphore after every completed lease renewal, so a test on a
/// fake clock can wait for the renewal a timer started instead of racing it.
/// </summary>
internal sealed class RenewalSignallingStore(IAccountStore inner, SemaphoreSlim renewed) : IAccountStore
{
    public static void Register(IServiceCollection services, SemaphoreSlim renewed)
    {
        var original = services.Last(d => d.ServiceType == typeof(IAccountStore));
        services.Remove(original);
        services.AddSingleton<IAccountStore>(provider => new RenewalSignallingStore(
            (IAccountStore)(original.ImplementationFactory?.Invoke(provider)
                ?? original.ImplementationInstance
                ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!)),
            renewed));
    }

    public Task SyncAccountsAsync(IReadOnlyCollection<TrackedAccount> accounts, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.SyncAccountsAsync(accounts, now, cancellationToken);

    public Task<IReadOnlyList<AccountRecord>> ListAccountsAsync(CancellationToken cancellationToken) => inner.ListAccountsAsync(cancellationToken);

    public Task<IReadOnlyList<AccountLease>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken) =>
        inner.ClaimDueAsync(request, cancellationToken);

    public Task ReleaseAsync(AccountLease lease, CancellationToken cancellationToken) => inner.ReleaseAsync(lease, cancellationToken);

    public async Task<AccountLease?> RenewLeaseAsync(AccountLease lease, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var renewedLease = await inner.RenewLeaseAsync(lease, now, duration, cancellationToken);
        renewed.Release();
        return renewedLease;
    }

    public Task DeferPlatformAsync(string platform, DateTimeOffset until, CancellationToken cancellationToken) =>
        inner.DeferPlatformAsync(platform, until, cancellationToken);

    public Task<bool> ConfirmIdentityAsync(string accountId, string? stableId, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ConfirmIdentityAsync(accountId, stableId, now, cancellationToken);
}
