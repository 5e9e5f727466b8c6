using Monitor.Core.Adapters;

namespace Monitor.Core.Storage;

/// <summary>Writes what a poll found.</summary>
public interface IPollResultStore
{
    /// <summary>
    /// In one unit: merges the posts by (platform, accountId, postId) through <see cref="Posts.PostMerge"/> with their
    /// versions, applies deletion evidence, appends the snapshot, advances the polling state (cursor only on success)
    /// and frees the lease. Fenced by the lease: when the lease's epoch is no longer the account's (another worker
    /// claimed it), the poll only inserts posts not yet stored and appends its snapshot — its data may be older than
    /// what the other worker stored, so it changes no stored post, cursor, validator or schedule
    /// (<see cref="PollWriteResult.LeaseLost"/>). If the write fails nothing of it is kept (SQLite) or it is repeatable
    /// without changing the outcome (Mongo), so the next poll fetches again and deduplicates.
    /// </summary>
    Task<PollWriteResult> RecordPollAsync(PollRecord record, CancellationToken cancellationToken);

    /// <summary>How many stored, not deleted posts of an account were published at or after <paramref name="since"/>.</summary>
    Task<int> CountPostsSinceAsync(string accountId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>The newest stored, not deleted posts of an account, newest first.</summary>
    Task<IReadOnlyList<KnownPost>> GetRecentPostsAsync(string accountId, int limit, CancellationToken cancellationToken);
}
