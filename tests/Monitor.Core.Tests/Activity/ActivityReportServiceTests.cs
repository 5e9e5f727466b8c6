using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Activity.Study;
using Monitor.Core.Adapters;

namespace Monitor.Core.Tests.Activity;

public sealed class ActivityReportServiceTests
{
    private static readonly ActivityWindow Window = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 10));
    private static readonly TrackedAccount Fra = new("fra-mfa", Platforms.Mastodon, "@mfa@example", "FRA", ActorType.ForeignMinistry, "France, MFA");
    private static readonly TrackedAccount Deu = new("deu-emb", Platforms.Bluesky, "emb.example", "DEU", ActorType.Embassy);
    private static readonly TrackedAccount DeuX = new("deu-x", Platforms.X, "deux", "DEU", ActorType.HeadOfState, "Quiet \"one\"");

    [Fact]
    public async Task WriteAsync_ActivityJson_CamelCaseWithUtcInstants()
    {
        var json = await WriteAsync(new ReportRequest(ReportKind.Activity, Window, ReportFormat.Json));

        Assert.Contains("\"accountId\": \"fra-mfa\"", json, StringComparison.Ordinal);
        Assert.Contains("\"postsPerDay\": 1.5", json, StringComparison.Ordinal);
        Assert.Contains("\"lastPostAt\": \"2026-04-10T08:00:00Z\"", json, StringComparison.Ordinal);
        Assert.Contains("\"byWeekday\": [\n      3,", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("\"estimatedMissed\": 2", json, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"suspended\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ActivityCsv_HeaderAndRfc4180Rows()
    {
        var csv = await WriteAsync(new ReportRequest(ReportKind.Activity, Window, ReportFormat.Csv));
        var lines = csv.Split("\r\n");

        Assert.StartsWith("accountId,platform,country,actor,name,status,posts,originals,replies,reposts,quotes,postsPerDay,", lines[0], StringComparison.Ordinal);
        Assert.EndsWith(",mon,tue,wed,thu,fri,sat,sun,h00,h01,h02,h03,h04,h05,h06,h07,h08,h09,h10,h11,h12,h13,h14,h15,h16,h17,h18,h19,h20,h21,h22,h23", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("deu-emb,bluesky,DEU,Embassy,,inactive,0,0,0,0,0,0,0,0,,0,,,0,0,0,0,,,,,,,0,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("deu-x,x,DEU,HeadOfState,\"Quiet \"\"one\"\"\",suspended,", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("fra-mfa,mastodon,FRA,ForeignMinistry,\"France, MFA\",active,15,10,3,2,0,1.5,6,0.6,2.5,7,2026-04-10T08:00:00Z,0,0.6667,0.2,0.1333,0,100,110,10,0.1,17,2,3,", lines[3], StringComparison.Ordinal);
        Assert.Equal(5, lines.Length);
        Assert.Equal(string.Empty, lines[4]);
    }

    [Fact]
    public async Task WriteAsync_LeaderboardTable_AlignedAndRanked()
    {
        var table = await WriteAsync(new ReportRequest(ReportKind.Leaderboard, Window, ReportFormat.Table) { By = LeaderboardMetric.PostsPerDay, Top = 2 });

        Assert.Equal(
            """
            rank  accountId  platform  country  actor            name         postsPerDay
            ----  ---------  --------  -------  ---------------  -----------  -----------
               1  fra-mfa    mastodon  FRA      ForeignMinistry  France, MFA          1.5
               2  deu-emb    bluesky   DEU      Embassy                                 0

            """.ReplaceLineEndings(Environment.NewLine), table);
    }

    [Fact]
    public async Task WriteAsync_LeaderboardByFollowersOnPlatform_FiltersAndSkipsUnknown()
    {
        var json = await WriteAsync(new ReportRequest(ReportKind.Leaderboard, Window, ReportFormat.Csv) { By = LeaderboardMetric.Followers, Platform = "Bluesky" });

        Assert.Equal("rank,accountId,platform,country,actor,name,value\r\n", json);
    }

    [Fact]
    public async Task WriteAsync_DormantCsv_QuietAccountsOnly()
    {
        var csv = await WriteAsync(new ReportRequest(ReportKind.Dormant, Window, ReportFormat.Csv));

        Assert.Equal("accountId,platform,country,actor,name,status,lastPostAt,daysSinceLastPost\r\ndeu-emb,bluesky,DEU,Embassy,,inactive,,\r\n", csv);
    }

    [Fact]
    public async Task WriteAsync_PresenceTable_GridTotalsAndMembership()
    {
        var table = await WriteAsync(new ReportRequest(ReportKind.Presence, Window, ReportFormat.Table));

        Assert.StartsWith(
            """
            country  bluesky  mastodon  x    accounts
            -------  -------  --------  ---  --------
            DEU      yes      -         yes         2
            FRA      -        yes       -           1

            1 of 2 countries present on bluesky; missing: FRA
            1 of 2 countries present on mastodon; missing: DEU
            1 of 2 countries present on x; missing: FRA
            1 of 2 countries have a HeadOfState account (x 1)
            1 of 2 countries have a ForeignMinistry account (mastodon 1)
            1 of 2 countries have an Embassy account (bluesky 1)

            UN member states (193):
            1 of 193 UN members (0.5 %) on bluesky: 1 listed, 1 confirmed
              absent: France
            1 of 193 UN members (0.5 %) on mastodon: 1 listed, 0 confirmed
              absent: Germany
              unverified: fra-mfa (ok)
            0 of 193 UN members (0.0 %) on x: 0 listed, 0 confirmed
              absent: Germany, France
            2 of 193 UN members (1.0 %) on any: 2 listed, 1 confirmed
              unverified: fra-mfa (ok)
            191 members not tracked at all: Afghanistan, Angola,
            """.ReplaceLineEndings(Environment.NewLine), table);
        Assert.Contains("Observer Holy See: not listed", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_PresenceCsv_OneRowPerCountryAndPlatformWithMembership()
    {
        var csv = await WriteAsync(new ReportRequest(ReportKind.Presence, Window, ReportFormat.Csv));
        var lines = csv.Split("\r\n");

        Assert.Equal("country,platform,present,actors,name,membership,listed,confirmed", lines[0]);
        Assert.Contains("DEU,bluesky,1,Embassy;HeadOfState,Germany,member,1,1", lines);
        Assert.Contains("DEU,x,1,Embassy;HeadOfState,Germany,member,0,0", lines); // suspended: not listed
        Assert.Contains("FRA,mastodon,1,ForeignMinistry,France,member,1,0", lines); // listed, but no successful poll in the window
        Assert.Contains("LAO,x,0,,Laos,member,0,0", lines); // untracked members are rows too
        Assert.Equal(1 + (193 * 3), lines.Length - 1);
    }

    [Theory]
    [InlineData("activity", true)]
    [InlineData("LEADERBOARD", true)]
    [InlineData("weekly", false)]
    [InlineData("1", false)]
    public void TryParseName_ReportNames_ParsesKnownOnly(string name, bool known) =>
        Assert.Equal(known, ReportRequest.TryParseName<ReportKind>(name, out _));

    private static async Task<string> WriteAsync(ReportRequest request)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 4, 20, 0, 0, 0, TimeSpan.Zero));
        var service = new ActivityReportService(new FakeQueries(), new FakeStudyQueries(), new ActivityCalculator(Options.Create(new ActivityOptions()), time), time,
            NullLogger<ActivityReportService>.Instance);
        await using var output = new StringWriter();
        await service.WriteAsync(request, output, TestContext.Current.CancellationToken);
        return output.ToString();
    }

    private sealed class FakeStudyQueries : IStudyQueries
    {
        public Task<IReadOnlyList<AccountStudyFacts>> QueryStudyFactsAsync(ActivityWindow window, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AccountStudyFacts>>([new("deu-emb", 3, 2, null, 0, 0), new("deu-x", 1, 0, null, 0, 0), new("fra-mfa", 2, 0, null, 0, 0)]);

        public Task<IReadOnlyList<LanguageCount>> QueryLanguagesAsync(ActivityWindow window, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<LanguageCount>>([]);
    }

    private sealed class FakeQueries : IActivityQueries
    {
        public Task<IReadOnlyList<AccountActivityFacts>> QueryActivityAsync(ActivityWindow window, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<AccountActivityFacts>>(
            [
                new(Deu, PollStatus.Ok, 0, 0, 0, 0, 0, null, 0, null, new long[7], new long[24], null, null, null, null, null),
                new(DeuX, PollStatus.Suspended, 0, 0, 0, 0, 0, null, 0, new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero),
                    new long[7], new long[24], 5, 5, null, null, null),
                new(Fra, PollStatus.Ok, 10, 3, 2, 0, 6, 9_000_000, 7, new DateTimeOffset(2026, 4, 10, 8, 0, 0, TimeSpan.Zero),
                    [3, 2, 2, 2, 2, 2, 2], [.. new long[8], 15, .. new long[15]], 100, 110, 1000, 1017, 15),
            ]);

        public Task<IReadOnlyList<TrackedAccount>> ListEnabledAccountsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TrackedAccount>>([Deu, DeuX, Fra]);

        public Task<IReadOnlyList<DailyCount>> DailyCountsAsync(string accountId, ActivityWindow window, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<DailyCount>>([]);
    }
}
