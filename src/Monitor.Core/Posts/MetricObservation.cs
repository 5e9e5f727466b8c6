namespace Monitor.Core.Posts;

/// <summary>A post's counts as one poll saw them, kept as the post's observation for <see cref="Bucket"/>.</summary>
/// <param name="PostId">The post.</param>
/// <param name="Kind">The post's kind when observed (the score compares posts of one kind).</param>
/// <param name="PublishedAt">The post's publication time the age is measured from.</param>
/// <param name="ObservedAt">When the poll started (its capture time, whole milliseconds).</param>
/// <param name="Bucket">The age bucket the observation belongs to.</param>
/// <param name="Metrics">The counts.</param>
public sealed record MetricObservation(string PostId, PostKind Kind, DateTimeOffset PublishedAt, DateTimeOffset ObservedAt, MetricAgeBucket Bucket, PostMetrics Metrics)
{
    public TimeSpan Age => ObservedAt - PublishedAt;

    /// <summary>Distance of <see cref="Age"/> from the bucket's age; the store keeps the smallest per (post, bucket).</summary>
    public TimeSpan Distance => MetricAgeBuckets.DistanceOf(Bucket, Age);

    /// <summary>
    /// The observation a poll captured at <paramref name="capturedAt"/> makes of a fetched post, or null when there is
    /// none to keep: the post has no counts, its date is estimated (the age would be meaningless) or it lies in the
    /// future (clock skew).
    /// </summary>
    public static MetricObservation? Observe(Post post, DateTimeOffset capturedAt)
    {
        if (post.Metrics is null || post.PublishedAtEstimated)
        {
            return null;
        }

        var published = PostMerge.ToMilliseconds(post.PublishedAt)!.Value;
        var observed = PostMerge.ToMilliseconds(capturedAt)!.Value;
        return MetricAgeBuckets.Of(observed - published) is { } bucket
            ? new MetricObservation(post.PostId, post.Kind, published, observed, bucket, post.Metrics)
            : null;
    }

    /// <summary>
    /// True when this observation takes the place of <paramref name="stored"/> (same post and bucket): none stored, or
    /// this one is strictly nearer the bucket's age (a tie keeps the stored one). A poll that lost its lease only adds
    /// observations for buckets that have none, so it never overwrites what the lease's holder wrote.
    /// </summary>
    public bool Replaces(MetricObservation? stored, bool leaseLost = false) =>
        stored is null || (!leaseLost && Distance < stored.Distance);
}
