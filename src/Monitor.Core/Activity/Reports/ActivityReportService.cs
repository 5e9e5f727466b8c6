using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Monitor.Core.Activity.Engagement;
using Monitor.Core.Activity.Languages;
using Monitor.Core.Activity.Study;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Activity.Reports;

/// <summary>
/// Produces the activity reports for a CLI command (<c>report &lt;name&gt; --from --to --format</c>) or an HTTP API:
/// typed results for callers that render themselves, or <see cref="WriteAsync"/> to write a documented format.
/// </summary>
public sealed class ActivityReportService(
    IActivityQueries queries, IStudyQueries studyQueries, ActivityCalculator calculator, TimeProvider time, ILogger<ActivityReportService> logger,
    EngagementReportService? engagement = null)
{
    /// <summary>One row per enabled account over the window, ordered by account id.</summary>
    public async Task<IReadOnlyList<AccountActivity>> GetActivityAsync(ActivityWindow window, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var facts = await queries.QueryActivityAsync(window, cancellationToken);
        var rows = facts.Select(f => calculator.Compute(f, window)).ToArray();
        Log.ActivityQueried(logger, rows.Length, window.From, window.To, time.GetElapsedTime(started));
        return rows;
    }

    /// <summary>Presence per country and platform, and against the UN membership over the window.</summary>
    public async Task<PresenceReport> GetPresenceAsync(ActivityWindow window, bool activeOnly, CancellationToken cancellationToken)
    {
        var facts = await queries.QueryActivityAsync(window, cancellationToken);
        var polls = (await studyQueries.QueryStudyFactsAsync(window, cancellationToken)).ToDictionary(f => f.AccountId, StringComparer.Ordinal);
        var accounts = facts.Select(f => new PresenceAccount(f.Account, f.LastStatus, f.Posts, polls.GetValueOrDefault(f.Account.Id)?.SuccessfulPolls ?? 0)).ToArray();
        return ReportBuilders.BuildPresence(facts.Select(f => f.Account).ToArray()) with
        {
            Membership = MembershipBuilder.Build(accounts, activeOnly),
        };
    }

    public async Task<IReadOnlyList<LeaderboardEntry>> GetLeaderboardAsync(ReportRequest request, CancellationToken cancellationToken) =>
        ReportBuilders.BuildLeaderboard(await GetActivityAsync(request.Window, cancellationToken), request);

    public async Task<IReadOnlyList<DormantEntry>> GetDormantAsync(ReportRequest request, CancellationToken cancellationToken) =>
        ReportBuilders.BuildDormant(await GetActivityAsync(request.Window, cancellationToken), request);

    /// <summary>The window's posts by language, per account or country, over the enabled accounts of the requested platform and actor type.</summary>
    public async Task<LanguageReport> GetLanguagesAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var accounts = (await queries.ListEnabledAccountsAsync(cancellationToken))
            .Where(a => (request.Platform is null || a.Platform == Accounts.Platforms.Normalize(request.Platform)) && (request.Actor is null || a.Actor == request.Actor))
            .ToArray();
        return LanguageReportBuilder.Build(request.Window, accounts, await studyQueries.QueryLanguagesAsync(request.Window, cancellationToken), request.LanguagesPer);
    }

    /// <summary>Writes the requested report in its format to <paramref name="output"/> (not closed).</summary>
    public async Task WriteAsync(ReportRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        switch (request.Kind)
        {
            case ReportKind.Presence:
                var presence = await GetPresenceAsync(request.Window, request.ActiveOnly, cancellationToken);
                if (request.Format == ReportFormat.Table)
                {
                    await TableReportWriter.WriteAsync(ReportTables.PresenceGrid(presence), output, request.Wide, cancellationToken);
                    await output.WriteLineAsync();
                    foreach (var line in ReportTables.PresenceTotals(presence).Concat(ReportTables.MembershipLines(presence.Membership!)))
                    {
                        await output.WriteLineAsync(line.AsMemory(), cancellationToken);
                    }

                    return;
                }

                await WriteAsync(request, presence, ReportJsonContext.Readable.PresenceReport, () => ReportTables.Presence(presence), output, cancellationToken);
                return;
            case ReportKind.Leaderboard:
                var leaders = await GetLeaderboardAsync(request, cancellationToken);
                await WriteAsync(request, leaders, ReportJsonContext.Readable.IReadOnlyListLeaderboardEntry, () => ReportTables.Leaderboard(leaders), output, cancellationToken);
                return;
            case ReportKind.Engagement when engagement is not null:
                await engagement.WriteAsync(request, output, cancellationToken);
                return;
            case ReportKind.Dormant:
                var dormant = await GetDormantAsync(request, cancellationToken);
                await WriteAsync(request, dormant, ReportJsonContext.Readable.IReadOnlyListDormantEntry, () => ReportTables.Dormant(dormant), output, cancellationToken);
                return;
            case ReportKind.Languages:
                var languages = await GetLanguagesAsync(request, cancellationToken);
                await WriteAsync(request, languages, ReportJsonContext.Readable.LanguageReport,
                    () => request.Format == ReportFormat.Csv ? LanguageReportTables.Rows(languages) : LanguageReportTables.Summary(languages), output, cancellationToken);
                return;
            default:
                var rows = await GetActivityAsync(request.Window, cancellationToken);
                await WriteAsync(request, rows, ReportJsonContext.Readable.IReadOnlyListAccountActivity,
                    () => request.Format == ReportFormat.Table && !request.Wide
                        ? ReportTables.ActivitySummary(rows)
                        : ReportTables.Activity(rows, histograms: request.Format == ReportFormat.Csv), output, cancellationToken);
                return;
        }
    }

    private static async Task WriteAsync<T>(ReportRequest request, T value, JsonTypeInfo<T> json, Func<ReportTable> table, TextWriter output, CancellationToken cancellationToken)
    {
        switch (request.Format)
        {
            case ReportFormat.Json:
                await output.WriteLineAsync(JsonSerializer.Serialize(value, json).AsMemory(), cancellationToken);
                break;
            case ReportFormat.Csv:
                await CsvReportWriter.WriteAsync(table(), output, cancellationToken);
                break;
            default:
                await TableReportWriter.WriteAsync(table(), output, request.Wide, cancellationToken);
                break;
        }
    }
}
