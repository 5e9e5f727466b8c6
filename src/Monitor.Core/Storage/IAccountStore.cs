using Monitor.Core.Accounts;

namespace Monitor.Core.Storage;

/// <summary>Tracked accounts, their polling state and the leases that let several workers share one store.</summary>
public interface IAccountStore
{
    /// <summary>
    /// Makes the stored account list match the configured one: new accounts are added with an empty state,
    /// changed ones updated, and accounts no longer configured are disabled (their history is kept).
    /// </summary>
    Task SyncAccountsAsync(IReadOnlyCollection<TrackedAccount> accounts, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Every stored account with its polling state, ordered by id.</summary>
    Task<IReadOnlyList<AccountRecord>> ListAccountsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Atomically claims up to <see cref="ClaimRequest.MaxCount"/> enabled accounts that are due (next poll at or before
    /// now) and not leased by a live owner, setting the lease. An account is handed to one owner at a time.
    /// </summary>
    Task<IReadOnlyList<AccountLease>> ClaimDueAsync(ClaimRequest request, CancellationToken cancellationToken);

    /// <summary>Gives a lease back without recording a poll (shutdown abandoned it); the account stays due.</summary>
    Task ReleaseAsync(AccountLease lease, CancellationToken cancellationToken);

    /// <summary>
    /// Extends a lease still held (same owner and epoch) by <see cref="ClaimRequest.LeaseDuration"/> from now, so a
    /// slow poll keeps its account. Returns the lease with its new expiry, or null when another claim took it over.
    /// </summary>
    Task<AccountLease?> RenewLeaseAsync(AccountLease lease, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Defers every account of a platform until the given time (an app-wide rate limit).</summary>
    Task DeferPlatformAsync(string platform, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>
    /// Accepts the new identity of an account stopped as <c>identityChanged</c> (<c>accounts confirm</c>): its cursor
    /// starts over with <paramref name="stableId"/> recorded (null: recorded on the next poll), its status is cleared and
    /// it is due at <paramref name="now"/>; its history stays. Returns false, changing nothing, when the account does not
    /// exist or is not waiting for confirmation. Claims never take an account while it waits.
    /// </summary>
    Task<bool> ConfirmIdentityAsync(string accountId, string? stableId, DateTimeOffset now, CancellationToken cancellationToken);
}
