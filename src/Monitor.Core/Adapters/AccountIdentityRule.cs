using Monitor.Core.Accounts;

namespace Monitor.Core.Adapters;

/// <summary>
/// The one rule for identities, applied by every adapter that sees a stable id: a recorded stable id under another handle
/// is a rename (followed, reported); the listed handle resolving to another stable id is a changed identity (polling
/// stops until an operator confirms).
/// </summary>
public static class AccountIdentityRule
{
    /// <summary>Judges what <paramref name="seen"/> means for an account whose recorded stable id is <paramref name="recordedId"/>.</summary>
    /// <param name="recordedId">The cursor's <see cref="PollCursor.ExternalId"/>; null before the first contact.</param>
    /// <param name="listedHandle">The handle in the account list.</param>
    /// <param name="seen">What the platform answered.</param>
    /// <param name="listedByStableId">True when the list names the account by its stable id (<c>id:…</c>, a DID, a channel id): it has no handle to rename.</param>
    public static IdentityVerdict Judge(string? recordedId, string listedHandle, AccountIdentity seen, bool listedByStableId)
    {
        if (recordedId is not null && !string.Equals(recordedId, seen.StableId, StringComparison.Ordinal))
        {
            return IdentityVerdict.Changed;
        }

        var renamed = !listedByStableId && seen.CurrentHandle is { Length: > 0 } current && !SameHandle(listedHandle, current);
        return renamed ? IdentityVerdict.Renamed : recordedId is null ? IdentityVerdict.FirstContact : IdentityVerdict.Same;
    }

    /// <summary>Handles compare without a leading @ and case-insensitively, as every platform here resolves them.</summary>
    public static bool SameHandle(string left, string right) =>
        string.Equals(Bare(left), Bare(right), StringComparison.OrdinalIgnoreCase);

    /// <summary>The poll result for a changed identity: nothing is fetched or stored, and the account waits for <c>accounts confirm</c>.</summary>
    public static FetchResult Changed(TrackedAccount account, string recordedId, AccountIdentity seen, int? httpStatus = 200) =>
        FetchResult.Failed(PollStatus.IdentityChanged,
            $"The handle {account.Handle} now resolves to another account (stable id {seen.StableId}, recorded {recordedId}): "
            + $"a reused or hijacked handle. Polling stopped; run 'accounts confirm {account.Id}' to accept the new identity.",
            httpStatus) with { Identity = seen };

    /// <summary>Marks a successful result as a rename (status and note) when the verdict says so; other results pass unchanged.</summary>
    public static FetchResult Report(FetchResult result, IdentityVerdict verdict, TrackedAccount account)
    {
        if (verdict != IdentityVerdict.Renamed || !result.Status.IsSuccess() || result.Identity is not { } seen)
        {
            return result;
        }

        return result with
        {
            Status = PollStatus.Renamed,
            Error = $"Renamed: listed as {account.Handle}, the account (stable id {seen.StableId}) is now {seen.CurrentHandle}; "
                + "it is followed by its stable id and keeps its history. Update the handle in the account list.",
        };
    }

    private static string Bare(string handle) => handle.Trim().TrimStart('@');
}
