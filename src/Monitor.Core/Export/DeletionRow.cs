using Monitor.Core.Posts;

namespace Monitor.Core.Export;

/// <summary>A row of <c>export deletions</c>: a deletion episode and the post's publication time.</summary>
public sealed record DeletionRow(DeletionEpisode Episode, DateTimeOffset? PublishedAt)
{
    /// <summary>Whole seconds from publication to the deletion; null when the post's publication time is unknown.</summary>
    public long? LifetimeSeconds => PublishedAt is { } published ? (long)Math.Floor((Episode.DeletedAt - published).TotalSeconds) : null;
}
