using Monitor.Core.Accounts;

namespace Monitor.Core.Activity;

/// <summary>
/// The store's side of activity reports: aggregates computed inside the store (SQL, aggregation pipelines),
/// never by loading every post into memory. One row per enabled account, ordered by account id.
/// </summary>
public interface IActivityQueries
{
    /// <summary>Raw per-account aggregates over the window; derived figures are computed by <see cref="ActivityCalculator"/>.</summary>
    Task<IReadOnlyList<AccountActivityFacts>> QueryActivityAsync(ActivityWindow window, CancellationToken cancellationToken);

    /// <summary>Every enabled tracked account, ordered by id (for the presence report).</summary>
    Task<IReadOnlyList<TrackedAccount>> ListEnabledAccountsAsync(CancellationToken cancellationToken);

    /// <summary>Posts per UTC day (and hour) of one account over the window (by <c>publishedAt</c>), only days with posts, oldest first.</summary>
    Task<IReadOnlyList<DailyCount>> DailyCountsAsync(string accountId, ActivityWindow window, CancellationToken cancellationToken);
}
