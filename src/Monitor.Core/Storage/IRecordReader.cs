using Monitor.Core.Posts;

namespace Monitor.Core.Storage;

/// <summary>Streams stored records for exports, oldest first, without loading them all into memory.</summary>
public interface IRecordReader
{
    IAsyncEnumerable<StoredPost> ReadPostsAsync(RecordFilter filter, CancellationToken cancellationToken);

    IAsyncEnumerable<ActivitySnapshot> ReadSnapshotsAsync(RecordFilter filter, CancellationToken cancellationToken);

    /// <summary>Post versions captured in [From, To) (by <c>capturedAt</c>), oldest first, each post's versions in order.</summary>
    IAsyncEnumerable<PostVersion> ReadVersionsAsync(RecordFilter filter, CancellationToken cancellationToken);
}

/// <summary>Restricts an export: posts by <c>publishedAt</c>, snapshots by <c>capturedAt</c>, in [From, To).</summary>
public sealed record RecordFilter(DateTimeOffset? From = null, DateTimeOffset? To = null, string? AccountId = null);
