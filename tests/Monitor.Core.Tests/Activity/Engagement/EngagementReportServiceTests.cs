using System.Runtime.CompilerServices;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Engagement;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Posts;

namespace Monitor.Core.Tests.Activity.Engagement;

/// <summary>The engagement report's formats, from fixed store answers.</summary>
public sealed class EngagementReportServiceTests
{
    private static readonly ActivityWindow Window = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 10));
    private static readonly DateTimeOffset Published = new(2026, 4, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly TrackedAccount Fra = new("fra-mfa", Platforms.Bluesky, "mfa.example", "FRA", ActorType.ForeignMinistry, "France, MFA");
    private static readonly TrackedAccount Deu = new("deu-emb", Platforms.X, "emb", "DEU", ActorType.Embassy);

    [Fact]
    public async Task WriteAsync_Table_AccountsThenTopPostsWithScoresOrNotes()
    {
        var table = await WriteAsync(new ReportRequest(ReportKind.Engagement, Window, ReportFormat.Table));

        Assert.Equal(
            """
            accountId  platform  posts  measuredPosts  interactionsPerPost  repostsPerPost  repliesPerPost  viewsPerPost
            ---------  --------  -----  -------------  -------------------  --------------  --------------  ------------
            fra-mfa    bluesky       4              3              46.6667               5          3.3333
            deu-emb    x             0              0

            rank  accountId  interactions  score1h      score6h      score24h        score7d         postId
            ----  ---------  ------------  -----------  -----------  --------------  --------------  ------
               1  fra-mfa             100  3            -2.5         no-observation  no-observation  p3
               2  fra-mfa              30  no-baseline  no-baseline  no-observation  no-observation  p2

            """.ReplaceLineEndings(Environment.NewLine), table);
    }

    [Fact]
    public async Task WriteAsync_Csv_TwoTablesSeparatedByABlankLine()
    {
        var lines = (await WriteAsync(new ReportRequest(ReportKind.Engagement, Window, ReportFormat.Csv))).Split("\r\n");

        Assert.Equal(
        [
            "accountId,platform,country,actor,name,posts,measuredPosts,interactions,interactionsPerPost,likesPerPost,repostsPerPost,repliesPerPost,quotesPerPost,viewedPosts,viewsPerPost",
            "fra-mfa,bluesky,FRA,ForeignMinistry,\"France, MFA\",4,3,140,46.6667,36,5,3.3333,2.3333,0,",
            "deu-emb,x,DEU,Embassy,,0,0,0,,,,,,0,",
            string.Empty,
            "rank,accountId,platform,postId,url,kind,publishedAt,interactions,likes,reposts,replies,quotes,views,score1h,score6h,score24h,score7d",
            "1,fra-mfa,bluesky,p3,https://bsky.example/p3,post,2026-04-05T09:00:00Z,100,80,10,6,4,,3,-2.5,no-observation,no-observation",
            "2,fra-mfa,bluesky,p2,,quote,2026-04-04T09:00:00Z,30,20,5,4,1,,no-baseline,no-baseline,no-observation,no-observation",
            string.Empty,
        ], lines);
    }

    [Fact]
    public async Task WriteAsync_Json_OneObjectWithScoresAndNotes()
    {
        var json = (await WriteAsync(new ReportRequest(ReportKind.Engagement, Window, ReportFormat.Json))).ReplaceLineEndings("\n");

        Assert.StartsWith("{\n  \"accounts\": [\n    {\n      \"accountId\": \"fra-mfa\",", json, StringComparison.Ordinal);
        Assert.Contains("\"interactionsPerPost\": 46.666666666666664,", json, StringComparison.Ordinal);
        Assert.Contains("\"name\": \"France, MFA\"", json, StringComparison.Ordinal);
        Assert.Contains(
            """
                    {
                      "bucket": "1h",
                      "actual": 30,
                      "observedAt": "2026-04-05T10:00:00Z",
                      "expected": 10,
                      "baselinePosts": 2,
                      "score": 3,
                      "note": null
                    },
            """.ReplaceLineEndings("\n"), json, StringComparison.Ordinal);
        Assert.Contains("\"note\": \"no-observation\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_PlatformFilter_KeepsOnlyThatPlatformsAccountsAndPosts()
    {
        var queries = new FakeEngagementQueries();
        var report = await new EngagementReportService(queries, new FakeAccounts())
            .GetEngagementAsync(new ReportRequest(ReportKind.Engagement, Window, ReportFormat.Json) { Platform = "X", Top = 3 }, TestContext.Current.CancellationToken);

        Assert.Equal(["deu-emb"], report.Accounts.Select(a => a.AccountId));
        Assert.Equal(["deu-emb"], queries.AskedFor!);
        Assert.Equal(3, queries.AskedTop);
    }

    private static async Task<string> WriteAsync(ReportRequest request)
    {
        var service = new EngagementReportService(new FakeEngagementQueries(), new FakeAccounts());
        await using var output = new StringWriter();
        await service.WriteAsync(request, output, TestContext.Current.CancellationToken);
        return output.ToString();
    }

    private sealed class FakeEngagementQueries : IEngagementQueries
    {
        public IReadOnlyCollection<string>? AskedFor { get; private set; }

        public int AskedTop { get; private set; }

        public Task<IReadOnlyList<AccountEngagementFacts>> QueryAccountsAsync(ActivityWindow window, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AccountEngagementFacts>>([new("fra-mfa", 4, 3, 108, 15, 10, 7, 0, 0)]);

        public Task<IReadOnlyList<EngagementPost>> QueryTopPostsAsync(
            ActivityWindow window, IReadOnlyCollection<string> accountIds, int top, CancellationToken cancellationToken)
        {
            AskedFor = accountIds;
            AskedTop = top;
            return Task.FromResult<IReadOnlyList<EngagementPost>>(accountIds.Contains("fra-mfa")
                ?
                [
                    new("bluesky", "fra-mfa", "p3", "https://bsky.example/p3", PostKind.Post, Published, new PostMetrics(6, 10, 80) { Quotes = 4 }),
                    new("bluesky", "fra-mfa", "p2", null, PostKind.Quote, Published.AddDays(-1), new PostMetrics(4, 5, 20) { Quotes = 1 }),
                ]
                : []);
        }

        public async IAsyncEnumerable<MetricObservation> ReadObservationsAsync(
            string accountId, DateTimeOffset before, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            MetricObservation At(string post, PostKind kind, DateTimeOffset published, TimeSpan age, MetricAgeBucket bucket, long likes) =>
                new(post, kind, published, published + age, bucket, new PostMetrics(Likes: likes));

            // Two earlier posts (8 and 12 at 1 h: expected 10; 20 at 6 h), then p2 (a quote: no baseline) and p3.
            yield return At("p0", PostKind.Post, Published.AddDays(-3), TimeSpan.FromMinutes(58), MetricAgeBucket.OneHour, 8);
            yield return At("p0", PostKind.Post, Published.AddDays(-3), TimeSpan.FromHours(6), MetricAgeBucket.SixHours, 20);
            yield return At("p1", PostKind.Post, Published.AddDays(-2), TimeSpan.FromHours(1), MetricAgeBucket.OneHour, 12);
            yield return At("p1", PostKind.Post, Published.AddDays(-2), TimeSpan.FromHours(2.4), MetricAgeBucket.OneHour, 999); // not near enough: left out
            yield return At("p2", PostKind.Quote, Published.AddDays(-1), TimeSpan.FromHours(1), MetricAgeBucket.OneHour, 25);
            yield return At("p2", PostKind.Quote, Published.AddDays(-1), TimeSpan.FromHours(6), MetricAgeBucket.SixHours, 28);
            yield return At("p3", PostKind.Post, Published, TimeSpan.FromHours(1), MetricAgeBucket.OneHour, 30);
            yield return At("p3", PostKind.Post, Published, TimeSpan.FromHours(7), MetricAgeBucket.SixHours, 8);
        }
    }

    private sealed class FakeAccounts : IActivityQueries
    {
        public Task<IReadOnlyList<AccountActivityFacts>> QueryActivityAsync(ActivityWindow window, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public Task<IReadOnlyList<TrackedAccount>> ListEnabledAccountsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TrackedAccount>>([Deu, Fra]);

        public Task<IReadOnlyList<DailyCount>> DailyCountsAsync(string accountId, ActivityWindow window, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
