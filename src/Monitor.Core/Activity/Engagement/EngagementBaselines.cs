using Monitor.Core.Posts;

namespace Monitor.Core.Activity.Engagement;

/// <summary>
/// Walks one account's observations oldest post first, keeping for each (kind, bucket) the interactions of the last
/// <see cref="OverperformingScore.BaselinePosts"/> posts whose observation is near enough to the bucket's age, and
/// scores a post against what came strictly before it.
/// </summary>
internal sealed class EngagementBaselines
{
    private readonly Dictionary<(PostKind, MetricAgeBucket), Queue<long>> recent = [];

    /// <summary>The scores of a post with these observations (its own, any order) against the posts added so far.</summary>
    public IReadOnlyList<BucketScore> Score(PostKind kind, IReadOnlyCollection<MetricObservation> observations) =>
        MetricAgeBuckets.All.Select(bucket =>
        {
            var own = observations.FirstOrDefault(o => o.Bucket == bucket && Usable(o));
            var baseline = recent.TryGetValue((kind, bucket), out var values) ? values : null;
            if (own is null)
            {
                return new BucketScore(bucket.ToWireName(), null, null, null, baseline?.Count ?? 0, null, ScoreNotes.NoObservation);
            }

            var actual = own.Metrics.Interactions!.Value;
            if (baseline is null || baseline.Count == 0)
            {
                return new BucketScore(bucket.ToWireName(), actual, own.ObservedAt, null, 0, null, ScoreNotes.NoBaseline);
            }

            var expected = OverperformingScore.Expected(baseline)!.Value;
            var (score, note) = OverperformingScore.Of(actual, expected);
            return new BucketScore(bucket.ToWireName(), actual, own.ObservedAt, expected, baseline.Count, score, note);
        }).ToArray();

    /// <summary>Adds a post's observations to the baselines of its kind.</summary>
    public void Add(IEnumerable<MetricObservation> observations)
    {
        foreach (var observation in observations.Where(Usable))
        {
            var key = (observation.Kind, observation.Bucket);
            if (!recent.TryGetValue(key, out var values))
            {
                recent[key] = values = new Queue<long>();
            }

            values.Enqueue(observation.Metrics.Interactions!.Value);
            if (values.Count > OverperformingScore.BaselinePosts)
            {
                values.Dequeue();
            }
        }
    }

    /// <summary>Near enough to its bucket's age and with interactions known.</summary>
    private static bool Usable(MetricObservation observation) =>
        observation.Metrics.Interactions is not null && MetricAgeBuckets.IsNearEnough(observation.Bucket, observation.Age);
}
