namespace Monitor.Core.Activity.Engagement;

/// <summary>What the store sums for one account over the window's counted posts (see <see cref="IEngagementQueries"/>).</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Posts">Counted posts.</param>
/// <param name="MeasuredPosts">Of those, posts with at least one of likes, reposts, replies, quotes known.</param>
/// <param name="Likes">Sum over the measured posts (an unknown count adds 0); so are reposts, replies and quotes.</param>
/// <param name="Reposts">Sum of reposts.</param>
/// <param name="Replies">Sum of replies.</param>
/// <param name="Quotes">Sum of quotes.</param>
/// <param name="ViewedPosts">Counted posts whose view count is known.</param>
/// <param name="Views">Sum of their views.</param>
public sealed record AccountEngagementFacts(
    string AccountId, long Posts, long MeasuredPosts, long Likes, long Reposts, long Replies, long Quotes, long ViewedPosts, long Views);
