using Monitor.Core.Adapters;

namespace Monitor.Core.Storage;

/// <summary>Writes what a poll found.</summary>
public interface IPollResultStore
{
    /// <summary>
    /// In one atomic unit: upserts the posts by (platform, accountId, postId) keeping first/last-seen and edit times,
    /// marks deletions, appends the snapshot, and advances the polling state (cursor only on success) and frees the lease.
    /// If the write fails nothing of it is kept, so the next poll fetches again and deduplicates.
    /// </summary>
    Task<PollWriteResult> RecordPollAsync(PollRecord record, CancellationToken cancellationToken);

    /// <summary>How many stored, not deleted posts of an account were published at or after <paramref name="since"/>.</summary>
    Task<int> CountPostsSinceAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The newest stored, not deleted posts of an account, newest first.</summary>
    Task<IReadOnlyList<KnownPost>> GetRecentPostsAsync(string accountId, int limit, CancellationToken cancellationToken);
}
