using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage;

/// <summary>Everything one poll writes.</summary>
/// <param name="Lease">The lease under which the account was polled.</param>
/// <param name="CapturedAt">When the poll started.</param>
/// <param name="Result">The adapter's result.</param>
/// <param name="Duration">How long the poll took.</param>
/// <param name="NextPollAt">When the account is due again.</param>
/// <param name="ConsecutiveFailures">Failures in a row including this poll (0 after a success).</param>
public sealed record PollRecord(
    AccountLease Lease,
    DateTimeOffset CapturedAt,
    FetchResult Result,
    TimeSpan Duration,
    DateTimeOffset NextPollAt,
    int ConsecutiveFailures);

/// <summary>What a recorded poll changed.</summary>
public sealed record PollWriteResult(int NewPosts, int EditedPosts, int DeletedPosts, ActivitySnapshot Snapshot);
