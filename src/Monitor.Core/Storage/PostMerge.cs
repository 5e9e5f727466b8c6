using System.Security.Cryptography;
using System.Text;
using Monitor.Core.Posts;

namespace Monitor.Core.Storage;

/// <summary>
/// Decides how a fetched post merges into the copy a store already holds, so every store provider detects edits and
/// keeps publication dates the same way. The store only reads the <see cref="Stored"/> fields and writes the
/// <see cref="Outcome"/>; metrics and content are refreshed from the fetched post either way.
/// </summary>
internal static class PostMerge
{
    /// <summary>SHA-256 of <c>title + "\n" + text</c> as lower-case hex: what "the content changed" means.</summary>
    public static string ContentHash(Post post)
    {
        var bytes = Encoding.UTF8.GetBytes((post.Title ?? string.Empty) + "\n" + (post.Text ?? string.Empty));
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// The post is edited when its content hash changed, when the source's own updated time moved forward, or when
    /// the platform reports an explicit edit time newer than the stored one. The edit time is the explicit one, else
    /// the source's new updated time, else the time of the poll that noticed it.
    /// </summary>
    public static Outcome Merge(Stored stored, Post fetched, string fetchedHash, DateTimeOffset capturedAt)
    {
        // Stores keep whole milliseconds: compare at that precision, or a source with microseconds would look edited on every poll.
        fetched = fetched with { UpdatedAt = ToMilliseconds(fetched.UpdatedAt), EditedAt = ToMilliseconds(fetched.EditedAt) };
        var updatedForward = fetched.UpdatedAt is { } updated && stored.SourceUpdatedAt is { } before && updated > before;
        var explicitNewer = fetched.EditedAt is { } explicitAt && (stored.EditedAt is null || explicitAt > stored.EditedAt);
        var edited = explicitNewer || updatedForward || !string.Equals(stored.ContentHash, fetchedHash, StringComparison.Ordinal);
        var editedAt = edited
            ? fetched.EditedAt ?? (updatedForward ? fetched.UpdatedAt : null) ?? capturedAt
            : stored.EditedAt;

        // An estimated date (first-seen time) never replaces a real one; a real date arriving later replaces an estimate.
        var takeFetchedDate = stored.PublishedAtEstimated && !fetched.PublishedAtEstimated;
        var sourceUpdatedAt = stored.SourceUpdatedAt is { } old && (fetched.UpdatedAt is null || fetched.UpdatedAt < old)
            ? old
            : fetched.UpdatedAt;
        return new Outcome(
            edited,
            editedAt,
            takeFetchedDate ? fetched.PublishedAt : stored.PublishedAt,
            takeFetchedDate ? fetched.PublishedAtEstimated : stored.PublishedAtEstimated,
            sourceUpdatedAt);
    }

    /// <summary>The stored fields that decide a merge.</summary>
    /// <summary>The time truncated to whole milliseconds, as both stores keep it.</summary>
    public static DateTimeOffset? ToMilliseconds(DateTimeOffset? value) =>
        value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v.ToUnixTimeMilliseconds()).ToOffset(v.Offset) : null;

    public sealed record Stored(
        string ContentHash,
        DateTimeOffset PublishedAt,
        bool PublishedAtEstimated,
        DateTimeOffset? SourceUpdatedAt,
        DateTimeOffset? EditedAt);

    /// <summary>What the stored post becomes: <see cref="Edited"/> counts the post as edited by this poll.</summary>
    public sealed record Outcome(
        bool Edited,
        DateTimeOffset? EditedAt,
        DateTimeOffset PublishedAt,
        bool PublishedAtEstimated,
        DateTimeOffset? SourceUpdatedAt);
}
