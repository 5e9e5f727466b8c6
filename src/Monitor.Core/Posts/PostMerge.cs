using Monitor.Core.Adapters;

namespace Monitor.Core.Posts;

/// <summary>
/// The one rule for how a fetched post merges into the stored copy, and what a deletion check does to it. Both stores
/// read the <see cref="Stored"/> fields, call these functions and write the <see cref="PostWrite"/> they return, so
/// they agree on edits, dates, kept fields and deletions (the storage contract suite checks it).
/// </summary>
public static class PostMerge
{
    /// <summary>The time truncated to whole milliseconds, as both stores keep it.</summary>
    public static DateTimeOffset? ToMilliseconds(DateTimeOffset? value) =>
        value is { } v ? DateTimeOffset.FromUnixTimeMilliseconds(v.ToUnixTimeMilliseconds()).ToOffset(v.Offset) : null;

    /// <summary>A post seen for the first time: stored as fetched, version 1 (<c>created</c>).</summary>
    public static PostWrite Create(Post fetched, string platform, DateTimeOffset capturedAt)
    {
        fetched = Truncated(fetched);
        return new PostWrite(fetched, ContentHash.Compute(fetched), ContentHash.NormaliserVersion(platform), fetched.EditedAt,
            null, null, 0, 1, PostWriteKind.Insert, VersionReason.Created);
    }

    /// <summary>
    /// A post seen again. Its content is edited only when the content hash changed (<see cref="ContentHash"/>): a
    /// moving "updated" time, new counts or links are never edits. When the stored hash came from an older normaliser
    /// version the change is the monitor's own (<c>reparsed</c>) unless the platform gives an explicit, newer edit time.
    /// Fields the new fetch lacks (url, language, author, metrics, media) keep their stored values; an estimated date never
    /// replaces a real one; a post marked deleted is restored.
    /// </summary>
    public static PostWrite Merge(Stored stored, Post fetched, string platform, DateTimeOffset capturedAt)
    {
        fetched = Truncated(fetched);
        var hash = ContentHash.Compute(fetched);
        var version = ContentHash.NormaliserVersion(platform);
        var sameContent = ContentHash.SameContent(stored.ContentHash, fetched, hash);
        var explicitNewer = fetched.EditedAt is { } explicitAt && (stored.EditedAt is null || explicitAt > stored.EditedAt);
        VersionReason? reason = null;
        var editedAt = stored.EditedAt;
        if (!sameContent)
        {
            reason = stored.NormaliserVersion < version && !explicitNewer ? VersionReason.Reparsed : VersionReason.Edited;
            if (reason == VersionReason.Edited)
            {
                var updatedForward = fetched.UpdatedAt is { } updated && stored.SourceUpdatedAt is { } before && updated > before;
                editedAt = fetched.EditedAt ?? (updatedForward ? fetched.UpdatedAt : null) ?? capturedAt;
            }
        }

        if (stored.DeletedAt is not null)
        {
            reason = VersionReason.Restored;
        }

        var takeFetchedDate = stored.PublishedAtEstimated && !fetched.PublishedAtEstimated;
        var sourceUpdatedAt = stored.SourceUpdatedAt is { } old && (fetched.UpdatedAt is null || fetched.UpdatedAt < old)
            ? old
            : fetched.UpdatedAt;
        var (language, detected) = PostLanguageMerge.Merge(stored.Language, stored.LanguageDetected, fetched.Language, fetched.LanguageDetected);
        var merged = fetched with
        {
            Url = fetched.Url ?? stored.Url,
            Language = language,
            LanguageDetected = detected,
            Author = fetched.Author ?? stored.Author,
            Metrics = PostMetrics.Coalesce(fetched.Metrics, stored.Metrics),
            Media = fetched.Media.Count > 0 ? fetched.Media : stored.Media,
            PublishedAt = takeFetchedDate ? fetched.PublishedAt : stored.PublishedAt,
            PublishedAtEstimated = takeFetchedDate ? fetched.PublishedAtEstimated : stored.PublishedAtEstimated,
            UpdatedAt = sourceUpdatedAt,
            EditedAt = editedAt,
        };

        // A hash in the old definition for unchanged content is upgraded without a version; the normaliser version follows the hash.
        var storedVersion = sameContent && string.Equals(stored.ContentHash, hash, StringComparison.Ordinal) ? stored.NormaliserVersion : version;
        var unchanged = reason is null
            && string.Equals(stored.ContentHash, hash, StringComparison.Ordinal)
            && stored.AbsentChecks == 0
            && merged.Url == stored.Url && merged.Language == stored.Language
            && merged.LanguageDetected == stored.LanguageDetected && merged.Author == stored.Author
            && merged.Metrics == stored.Metrics && merged.Kind == stored.Kind && MediaLinks.Same(merged.Media, stored.Media)
            && merged.PublishedAt == stored.PublishedAt && merged.PublishedAtEstimated == stored.PublishedAtEstimated
            && merged.UpdatedAt == stored.SourceUpdatedAt;
        return new PostWrite(
            merged,
            hash,
            storedVersion,
            editedAt,
            null,
            null,
            0,
            stored.LatestVersion + (reason is null ? 0 : 1),
            unchanged ? PostWriteKind.Touch : PostWriteKind.Update,
            reason);
    }

    /// <summary>
    /// What a deletion report does to a stored post: positive evidence (not found, tombstone, delete event) marks it
    /// deleted now; absence counts one more check and marks it only when <paramref name="confirmations"/> checks in a row
    /// missed it. A post already marked deleted stays as it is (the first confirming poll's time is kept). Returns null
    /// when nothing changes.
    /// </summary>
    public static DeletionWrite? Delete(Stored stored, DeletionEvidence evidence, int confirmations, DateTimeOffset capturedAt)
    {
        if (stored.DeletedAt is not null)
        {
            return null;
        }

        var absent = stored.AbsentChecks + 1;
        return evidence != DeletionEvidence.Absent || absent >= confirmations
            ? new DeletionWrite(PostMerge.ToMilliseconds(capturedAt), evidence, absent, stored.LatestVersion + 1, VersionReason.Deleted)
            : new DeletionWrite(null, null, absent, stored.LatestVersion, null);
    }

    private static Post Truncated(Post post) => post with
    {
        PublishedAt = ToMilliseconds(post.PublishedAt)!.Value,
        UpdatedAt = ToMilliseconds(post.UpdatedAt),
        EditedAt = ToMilliseconds(post.EditedAt),
    };

    /// <summary>The stored fields that decide a merge or a deletion.</summary>
    public sealed record Stored(
        string ContentHash,
        int NormaliserVersion,
        DateTimeOffset PublishedAt,
        bool PublishedAtEstimated,
        DateTimeOffset? SourceUpdatedAt,
        DateTimeOffset? EditedAt,
        DateTimeOffset? DeletedAt,
        int AbsentChecks,
        int LatestVersion,
        string? Url,
        string? Language,
        string? Author,
        PostMetrics? Metrics,
        PostKind Kind)
    {
        /// <summary>The stored media links (empty for posts stored before media were kept).</summary>
        public IReadOnlyList<string> Media { get; init; } = [];

        /// <summary>True when <see cref="Language"/> was detected, not given by the platform.</summary>
        public bool LanguageDetected { get; init; }
    }
}

/// <summary>How much of a stored post a write touches.</summary>
public enum PostWriteKind
{
    /// <summary>A new post.</summary>
    Insert,

    /// <summary>Stored fields change.</summary>
    Update,

    /// <summary>Only the last-seen time moves.</summary>
    Touch,
}

/// <summary>
/// A post as it is to be stored: <see cref="Post"/> holds the merged values (<c>UpdatedAt</c> is the kept source
/// updated time), and <see cref="NewVersion"/> says whether a version is recorded, numbered <see cref="LatestVersion"/>.
/// </summary>
public sealed record PostWrite(
    Post Post,
    string ContentHash,
    int NormaliserVersion,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt,
    DeletionEvidence? Evidence,
    int AbsentChecks,
    int LatestVersion,
    PostWriteKind Kind,
    VersionReason? NewVersion)
{
    public bool Edited => NewVersion == VersionReason.Edited;
}

/// <summary>A deletion check's effect: a mark (with its version) or one more absence counted.</summary>
public sealed record DeletionWrite(DateTimeOffset? DeletedAt, DeletionEvidence? Evidence, int AbsentChecks, int LatestVersion, VersionReason? NewVersion);
