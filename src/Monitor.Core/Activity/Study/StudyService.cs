using System.Text.Json;
using Microsoft.Extensions.Logging;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Activity.Study;

/// <summary>
/// Produces the Twiplomacy study for a window (<c>report study</c>, <c>/study</c>): gathers the store's aggregates and
/// computes every figure in <see cref="StudyBuilder"/>. The mentions section says "not available" when no
/// <see cref="IMentionsQueries"/> is registered.
/// </summary>
public sealed class StudyService(
    IActivityQueries activityQueries,
    IStudyQueries studyQueries,
    ActivityCalculator calculator,
    TimeProvider time,
    ILogger<StudyService> logger,
    IMentionsQueries? mentions = null)
{
    public async Task<StudyReport> GetStudyAsync(ActivityWindow window, bool activeOnly, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var activity = await activityQueries.QueryActivityAsync(window, cancellationToken);
        var facts = await studyQueries.QueryStudyFactsAsync(window, cancellationToken);
        var languages = await studyQueries.QueryLanguagesAsync(window, cancellationToken);
        var mentionCounts = mentions is null ? null : await mentions.QueryMentionsAsync(window, cancellationToken);
        var polls = facts.ToDictionary(f => f.AccountId, StringComparer.Ordinal);
        var presence = MembershipBuilder.Build(activity.Select(a =>
            new PresenceAccount(a.Account, a.LastStatus, a.Posts, polls.GetValueOrDefault(a.Account.Id)?.SuccessfulPolls ?? 0)).ToArray(), activeOnly);
        var report = StudyBuilder.Build(new StudyInputs(
            window,
            time.GetUtcNow(),
            activity.Select(a => calculator.Compute(a, window)).ToArray(),
            activity.ToDictionary(a => a.Account.Id, a => a.LastStatus, StringComparer.Ordinal),
            facts,
            languages,
            presence,
            mentionCounts));
        Log.StudyBuilt(logger, activity.Count, window.From, window.To, time.GetElapsedTime(started));
        return report;
    }

    /// <summary>Writes the study in <paramref name="format"/> to <paramref name="output"/> (not closed).</summary>
    public async Task WriteAsync(StudyReport report, StudyFormat format, TextWriter output, CancellationToken cancellationToken)
    {
        var text = format switch
        {
            StudyFormat.Json => JsonSerializer.Serialize(report, StudyJsonContext.Readable.StudyReport) + "\n",
            StudyFormat.Markdown => StudyMarkdownWriter.Render(report),
            _ => StudyHtmlWriter.Render(report),
        };
        await output.WriteAsync(text.AsMemory(), cancellationToken);
    }
}
