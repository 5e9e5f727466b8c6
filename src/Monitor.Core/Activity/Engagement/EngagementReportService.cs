using System.Text.Json;
using Monitor.Core.Accounts;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Posts;

namespace Monitor.Core.Activity.Engagement;

/// <summary>
/// <c>report engagement</c>: per-account interactions, reposts and replies per post, and the top posts with their
/// overperforming scores. Account figures and the top posts come from grouped store queries; only the top posts'
/// accounts have their observations read, once each, to build the baselines.
/// </summary>
public sealed class EngagementReportService(IEngagementQueries queries, IActivityQueries activity)
{
    public async Task<EngagementReport> GetEngagementAsync(ReportRequest request, CancellationToken cancellationToken)
    {
        var accounts = (await activity.ListEnabledAccountsAsync(cancellationToken))
            .Where(a => (request.Platform is null || a.Platform == Platforms.Normalize(request.Platform)) && (request.Actor is null || a.Actor == request.Actor))
            .ToArray();
        var facts = (await queries.QueryAccountsAsync(request.Window, cancellationToken)).ToDictionary(f => f.AccountId, StringComparer.Ordinal);
        var rows = accounts
            .Select(a => ToRow(a, facts.GetValueOrDefault(a.Id) ?? new AccountEngagementFacts(a.Id, 0, 0, 0, 0, 0, 0, 0, 0)))
            .OrderBy(r => r.InteractionsPerPost is null).ThenByDescending(r => r.InteractionsPerPost).ThenBy(r => r.AccountId, StringComparer.Ordinal)
            .ToArray();
        var top = await queries.QueryTopPostsAsync(request.Window, accounts.Select(a => a.Id).ToArray(), request.Top, cancellationToken);
        var scores = await ScoreAsync(top, cancellationToken);
        return new EngagementReport(rows, top.Select((post, i) => ToTopPost(i + 1, post, scores[(post.AccountId, post.PostId)])).ToArray());
    }

    /// <summary>
    /// Writes the report: table and csv as the accounts table, a blank line, then the top-posts table; json as one
    /// object <c>{ accounts, topPosts }</c>.
    /// </summary>
    public async Task WriteAsync(ReportRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        var report = await GetEngagementAsync(request, cancellationToken);
        switch (request.Format)
        {
            case ReportFormat.Json:
                await output.WriteLineAsync(JsonSerializer.Serialize(report, EngagementJsonContext.Readable.EngagementReport).AsMemory(), cancellationToken);
                return;
            case ReportFormat.Csv:
                await CsvReportWriter.WriteAsync(EngagementTables.Accounts(report.Accounts), output, cancellationToken);
                await output.WriteAsync("\r\n".AsMemory(), cancellationToken); // RFC 4180 line ends, as the rows

                await CsvReportWriter.WriteAsync(EngagementTables.TopPosts(report.TopPosts, wide: true), output, cancellationToken);
                return;
            default:
                var accounts = request.Wide ? EngagementTables.Accounts(report.Accounts) : EngagementTables.AccountsSummary(report.Accounts);
                await TableReportWriter.WriteAsync(accounts, output, request.Wide, cancellationToken);
                await output.WriteLineAsync();
                await TableReportWriter.WriteAsync(EngagementTables.TopPosts(report.TopPosts, request.Wide), output, request.Wide, cancellationToken);
                return;
        }
    }

    /// <summary>Scores each top post against its account's earlier posts, reading each account's observations once.</summary>
    private async Task<Dictionary<(string, string), IReadOnlyList<BucketScore>>> ScoreAsync(IReadOnlyList<EngagementPost> top, CancellationToken cancellationToken)
    {
        var scores = new Dictionary<(string, string), IReadOnlyList<BucketScore>>();
        foreach (var account in top.GroupBy(p => p.AccountId, StringComparer.Ordinal))
        {
            var wanted = account.ToDictionary(p => p.PostId, StringComparer.Ordinal);
            var baselines = new EngagementBaselines();
            var group = new List<MetricObservation>();
            var before = account.Max(p => p.PublishedAt).AddMilliseconds(1);
            await foreach (var observation in queries.ReadObservationsAsync(account.Key, before, cancellationToken))
            {
                if (group.Count > 0 && group[0].PostId != observation.PostId)
                {
                    Step(group);
                }

                group.Add(observation);
            }

            Step(group);
            foreach (var post in wanted.Values.Where(p => !scores.ContainsKey((p.AccountId, p.PostId))))
            {
                scores[(post.AccountId, post.PostId)] = baselines.Score(post.Kind, []);
            }

            void Step(List<MetricObservation> observations)
            {
                if (observations.Count == 0)
                {
                    return;
                }

                if (wanted.TryGetValue(observations[0].PostId, out var post))
                {
                    scores[(post.AccountId, post.PostId)] = baselines.Score(post.Kind, observations.ToArray());
                }

                baselines.Add(observations);
                observations.Clear();
            }
        }

        return scores;
    }

    private static AccountEngagement ToRow(TrackedAccount account, AccountEngagementFacts f)
    {
        var interactions = f.Likes + f.Reposts + f.Replies + f.Quotes;
        double? PerPost(long sum, long posts) => posts == 0 ? null : (double)sum / posts;
        return new AccountEngagement(account.Id, account.Platform, account.Country, account.Actor.ToString(), account.Name,
            f.Posts, f.MeasuredPosts, interactions,
            PerPost(interactions, f.MeasuredPosts), PerPost(f.Likes, f.MeasuredPosts), PerPost(f.Reposts, f.MeasuredPosts),
            PerPost(f.Replies, f.MeasuredPosts), PerPost(f.Quotes, f.MeasuredPosts), f.ViewedPosts, PerPost(f.Views, f.ViewedPosts));
    }

    private static TopPost ToTopPost(int rank, EngagementPost post, IReadOnlyList<BucketScore> scores)
    {
        var m = post.Metrics;
        return new TopPost(rank, post.AccountId, post.Platform, post.PostId, post.Url, post.Kind.ToWireName(), post.PublishedAt,
            m.Interactions ?? 0, m.Likes, m.Reposts, m.Replies, m.Quotes, m.Views, scores);
    }
}
