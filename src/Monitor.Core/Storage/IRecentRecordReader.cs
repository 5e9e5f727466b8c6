using Monitor.Core.Posts;

namespace Monitor.Core.Storage;

/// <summary>
/// Small, bounded reads for the dashboard: one account's newest posts and polls, and the posts of all enabled
/// accounts per day and platform. Each answer is one indexed query, never a scan of every record.
/// </summary>
public interface IRecentRecordReader
{
    /// <summary>
    /// The account's <paramref name="limit"/> newest posts by <c>publishedAt</c> (ties: post id, descending), deleted
    /// ones included (their <see cref="StoredPost.DeletedAt"/> is set).
    /// </summary>
    Task<IReadOnlyList<StoredPost>> ReadNewestPostsAsync(string accountId, int limit, CancellationToken cancellationToken);

    /// <summary>The account's <paramref name="limit"/> newest snapshots by <c>capturedAt</c>, newest first.</summary>
    Task<IReadOnlyList<ActivitySnapshot>> ReadNewestSnapshotsAsync(string accountId, int limit, CancellationToken cancellationToken);

    /// <summary>Every version of one post, version 1 first; empty when the post is not stored.</summary>
    Task<IReadOnlyList<PostVersion>> ReadPostVersionsAsync(string platform, string accountId, string postId, CancellationToken cancellationToken);

    /// <summary>
    /// Posts of enabled accounts published in [<paramref name="from"/>, <paramref name="to"/>), counted per UTC day and
    /// platform, deleted ones included (as in the activity report); only pairs with posts, by day then platform.
    /// </summary>
    Task<IReadOnlyList<PlatformDayCount>> CountPostsByDayAndPlatformAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}

/// <summary>Posts published on one UTC day by the enabled accounts of one platform.</summary>
public sealed record PlatformDayCount(DateOnly Day, string Platform, long Posts);
