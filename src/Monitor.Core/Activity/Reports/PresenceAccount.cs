using Monitor.Core.Accounts;
using Monitor.Core.Adapters;

namespace Monitor.Core.Activity.Reports;

/// <summary>What presence needs to know of one enabled account over the window.</summary>
/// <param name="Account">The account.</param>
/// <param name="LastStatus">Status of its last poll (null: never polled).</param>
/// <param name="Posts">Posts published in the window.</param>
/// <param name="SuccessfulPolls">Polls in the window with status ok or notModified.</param>
internal sealed record PresenceAccount(TrackedAccount Account, PollStatus? LastStatus, long Posts, long SuccessfulPolls)
{
    /// <summary>The list is the claim, unless the platform said the account is gone; with active-only it must also have posted.</summary>
    public bool Counts(bool activeOnly) =>
        LastStatus is not (PollStatus.NotFound or PollStatus.Suspended) && (!activeOnly || Posts > 0);

    public bool Confirmed => SuccessfulPolls > 0;
}
