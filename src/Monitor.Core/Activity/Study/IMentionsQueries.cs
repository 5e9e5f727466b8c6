namespace Monitor.Core.Activity.Study;

/// <summary>
/// Who mentions whom among tracked accounts, for the study's "best connected" section (EntityReportService over the
/// stored entities). Without one registered the section says so and shows no figures.
/// </summary>
public interface IMentionsQueries
{
    /// <summary>Mentions in posts published in the window, per (mentioning, mentioned) pair of tracked accounts.</summary>
    Task<IReadOnlyList<MentionCount>> QueryMentionsAsync(ActivityWindow window, CancellationToken cancellationToken);
}

/// <summary>Posts of <paramref name="FromAccountId"/> in the window that mention <paramref name="ToAccountId"/>.</summary>
public sealed record MentionCount(string FromAccountId, string ToAccountId, long Mentions);
