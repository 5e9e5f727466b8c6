namespace Monitor.Core.Activity.Study;

/// <summary>
/// The store's side of the study and of presence against the UN membership: per-account poll counts, first post and
/// engagement, and posts per language, aggregated inside the store. Rows cover enabled accounts, ordered by account id.
/// </summary>
public interface IStudyQueries
{
    /// <summary>One row per enabled account over the window (polls by <c>capturedAt</c>, posts by <c>publishedAt</c>).</summary>
    Task<IReadOnlyList<AccountStudyFacts>> QueryStudyFactsAsync(ActivityWindow window, CancellationToken cancellationToken);

    /// <summary>Posts in the window per enabled account and language (null: the post has none), ordered by account id then language.</summary>
    Task<IReadOnlyList<LanguageCount>> QueryLanguagesAsync(ActivityWindow window, CancellationToken cancellationToken);
}
