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
/// <param name="DeletionConfirmations">Checks in a row that must miss a post before absence marks it deleted.</param>
/// <param name="CaptureId">
/// The WARC-Record-ID of the poll's last archived response, written on every version the poll records; null when the
/// archive is off or nothing was archived.
/// </param>
public sealed record PollRecord(
    AccountLease Lease,
    DateTimeOffset CapturedAt,
    FetchResult Result,
    TimeSpan Duration,
    DateTimeOffset NextPollAt,
    int ConsecutiveFailures,
    int DeletionConfirmations = 2,
    string? CaptureId = null)
{
    /// <summary>
    /// The snapshot this poll appends, with its times cut to whole milliseconds as both stores keep them, so the
    /// returned snapshot equals what is read back.
    /// </summary>
    public ActivitySnapshot ToSnapshot(int newPosts) => new(
        Lease.Account.Id,
        Lease.Account.Platform,
        PostMerge.ToMilliseconds(CapturedAt)!.Value,
        Result.Status,
        Result.HttpStatus,
        newPosts,
        Result.Posts.Count,
        Result.Profile?.Followers,
        Result.Profile?.Following,
        Result.Profile?.PostsTotal,
        PostMerge.ToMilliseconds(Result.Posts.Count == 0 ? null : Result.Posts.Max(post => post.PublishedAt)),
        (long)Duration.TotalMilliseconds,
        Result.Error,
        Result.Notes);
}

/// <summary>What a recorded poll changed; <see cref="LeaseLost"/> when it was fenced off (see <see cref="IPollResultStore.RecordPollAsync"/>).</summary>
public sealed record PollWriteResult(int NewPosts, int EditedPosts, int DeletedPosts, ActivitySnapshot Snapshot, bool LeaseLost = false);
