namespace Monitor.Core.Activity.Engagement;

/// <summary>The engagement report: per-account figures and the top posts with their overperforming scores.</summary>
public sealed record EngagementReport(IReadOnlyList<AccountEngagement> Accounts, IReadOnlyList<TopPost> TopPosts);

/// <summary>One account's engagement over the window's counted posts, from their latest counts; per-post figures over measured posts.</summary>
public sealed record AccountEngagement(
    string AccountId, string Platform, string Country, string Actor, string? Name,
    long Posts, long MeasuredPosts, long Interactions,
    double? InteractionsPerPost, double? LikesPerPost, double? RepostsPerPost, double? RepliesPerPost, double? QuotesPerPost,
    long ViewedPosts, double? ViewsPerPost);

/// <summary>A post among the most interacted with, its latest counts and its score at each age bucket.</summary>
public sealed record TopPost(
    int Rank, string AccountId, string Platform, string PostId, string? Url, string Kind, DateTimeOffset PublishedAt,
    long Interactions, long? Likes, long? Reposts, long? Replies, long? Quotes, long? Views, IReadOnlyList<BucketScore> Scores);

/// <summary>
/// The overperforming score at one age bucket (<c>1h</c>, <c>6h</c>, <c>24h</c>, <c>7d</c>).
/// </summary>
/// <param name="Bucket">The bucket's wire name.</param>
/// <param name="Actual">Interactions of the post's observation for the bucket, when near enough (±50 % of the bucket's age).</param>
/// <param name="ObservedAt">When that observation was made.</param>
/// <param name="Expected">Mean of the middle 50 % of the baseline posts' interactions at the bucket.</param>
/// <param name="BaselinePosts">How many earlier posts (at most 100) the expectation rests on.</param>
/// <param name="Score">The score, or null with <see cref="Note"/> saying why.</param>
/// <param name="Note">Null, or one of <see cref="ScoreNotes"/>.</param>
public sealed record BucketScore(string Bucket, long? Actual, DateTimeOffset? ObservedAt, double? Expected, int BaselinePosts, double? Score, string? Note);
