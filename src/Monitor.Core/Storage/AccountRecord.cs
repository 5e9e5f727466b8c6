using Monitor.Core.Accounts;
using Monitor.Core.Adapters;

namespace Monitor.Core.Storage;

/// <summary>A stored account and its polling state.</summary>
public sealed record AccountRecord(TrackedAccount Account, PollState State);

/// <summary>Polling state kept per account.</summary>
public sealed record PollState(
    DateTimeOffset? LastPollAt,
    DateTimeOffset? NextPollAt,
    DateTimeOffset? LastSuccessAt,
    int ConsecutiveFailures,
    PollStatus? LastStatus,
    string? LastError,
    PollCursor Cursor)
{
    public static PollState New { get; } = new(null, null, null, 0, null, null, PollCursor.Empty);

    /// <summary>True until a poll of the account has succeeded.</summary>
    public bool IsFirstPoll => LastSuccessAt is null;
}

/// <summary>Which accounts a worker wants to poll now.</summary>
/// <param name="Owner">Unique id of the claiming worker (host, process, instance).</param>
/// <param name="Now">Current time (the schedule is compared with it; Mongo compares leases with the server's clock).</param>
/// <param name="LeaseDuration">How long the claim holds before another worker may take the account over.</param>
/// <param name="MaxCount">Maximum number of accounts to claim.</param>
/// <param name="IgnoreSchedule">Claim enabled accounts whether due or not (<c>ingest --once</c>); leases still apply.</param>
/// <param name="AccountId">Restrict the claim to one account.</param>
/// <param name="PolledBefore">Only accounts not polled since this time (the run's start), so <c>ingest --once</c> polls each account once.</param>
public sealed record ClaimRequest(
    string Owner,
    DateTimeOffset Now,
    TimeSpan LeaseDuration,
    int MaxCount,
    bool IgnoreSchedule = false,
    string? AccountId = null,
    DateTimeOffset? PolledBefore = null)
{
    /// <summary>
    /// Decides, in schedule order, whether a due account can start now (a free slot for its host and platform) and
    /// takes the slot; accounts it refuses stay unclaimed for a worker (or a later claim) that has room. Null: any.
    /// </summary>
    public Func<TrackedAccount, bool>? CanStart { get; init; }

    /// <summary>
    /// Platforms with no free slot: the store's query skips their accounts, so a claim does not read (and refuse with
    /// <see cref="CanStart"/>) every due account of a full platform. <see cref="CanStart"/> may add the platform whose
    /// last slot it just took; the store then reads the candidates again without it. Empty: none.
    /// </summary>
    public IReadOnlyCollection<string> FullPlatforms { get; init; } = [];
}

/// <summary>
/// An account claimed for polling by one owner until <see cref="ExpiresAt"/>. <see cref="Epoch"/> is the fencing
/// token: every claim of the account increments it, so a write made under an older claim can tell it lost the lease.
/// </summary>
public sealed record AccountLease(TrackedAccount Account, PollState State, string Owner, DateTimeOffset ExpiresAt, long Epoch = 0);
