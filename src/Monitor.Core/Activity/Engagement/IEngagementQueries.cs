using Monitor.Core.Posts;

namespace Monitor.Core.Activity.Engagement;

/// <summary>
/// The store's side of the engagement report. Counted posts are those of kind post, reply or quote (a repost's counts
/// are the original's) that are not deleted and were published in the window.
/// </summary>
public interface IEngagementQueries
{
    /// <summary>Per-account sums of the counted posts' latest counts, one row per account that has counted posts, by account id.</summary>
    Task<IReadOnlyList<AccountEngagementFacts>> QueryAccountsAsync(ActivityWindow window, CancellationToken cancellationToken);

    /// <summary>
    /// The <paramref name="top"/> counted posts of these accounts with the most interactions (latest counts; posts
    /// with none known are left out), most first; ties by account id, then post id.
    /// </summary>
    Task<IReadOnlyList<EngagementPost>> QueryTopPostsAsync(
        ActivityWindow window, IReadOnlyCollection<string> accountIds, int top, CancellationToken cancellationToken);

    /// <summary>The stored observations of one account's posts published before <paramref name="before"/>, oldest post first (then post id).</summary>
    IAsyncEnumerable<MetricObservation> ReadObservationsAsync(string accountId, DateTimeOffset before, CancellationToken cancellationToken);
}
