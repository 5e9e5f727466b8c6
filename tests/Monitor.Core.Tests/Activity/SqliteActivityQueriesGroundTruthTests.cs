using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Reports;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// Ground truth: generated histories are stored as a poller with a 20-item feed and a post counter would leave them,
/// and every metric the SQL computes must equal the one computed from the generated lists.
/// </summary>
public sealed class SqliteActivityQueriesGroundTruthTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 5, 3, 12, 0, 0, TimeSpan.Zero);
    private readonly GroundTruthHistory history = GroundTruthHistory.Generate();
    private readonly ActivityTestDatabase database = new();

    public SqliteActivityQueriesGroundTruthTests() => database.InTransaction(() => history.WriteTo(database));

    public static TheoryData<string, string> Windows => new()
    {
        { "2026-04-01", "2026-04-30" },
        { "2026-01-01", "2026-04-30" },
        { "2026-04-10", "2026-04-10" },
        { "2026-04-25", "2026-05-05" },
        { "2025-01-01", "2025-12-31" },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public async Task QueryActivity_GeneratedHistory_EveryMetricMatchesGroundTruth(string from, string to)
    {
        var window = new ActivityWindow(DateOnly.Parse(from), DateOnly.Parse(to));
        var calculator = new ActivityCalculator(Options.Create(new ActivityOptions()), new FakeTimeProvider(Now));

        var facts = await database.Queries.QueryActivityAsync(window, TestContext.Current.CancellationToken);

        Assert.Equal(GroundTruthHistory.Accounts.Select(a => a.Id), facts.Select(f => f.Account.Id));
        foreach (var row in facts.Select(f => calculator.Compute(f, window)))
        {
            var status = row.AccountId == "suspended" ? "suspended" : "ok";
            var expected = ExpectedActivity.Compute(history, row.AccountId, window, Now, status);
            Assert.Equal(Json(expected), Json(row));
        }
    }

    [Fact]
    public async Task QueryActivity_BurstLargerThanFeedWindow_EstimatedMissedCountsTheOverflow()
    {
        var window = new ActivityWindow(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
        var calculator = new ActivityCalculator(Options.Create(new ActivityOptions()), new FakeTimeProvider(Now));

        var facts = await database.Queries.QueryActivityAsync(window, TestContext.Current.CancellationToken);
        var rows = facts.Select(f => calculator.Compute(f, window)).ToDictionary(r => r.AccountId);

        // 130 posts in 130 minutes (07:00-09:09) between two 6-hourly polls (06:30, 12:30); a 20-item window showed the newest 20.
        Assert.Equal(GroundTruthHistory.OverflowBurst - GroundTruthHistory.FeedWindow, rows["overflow"].EstimatedMissed);
        Assert.Equal(0, rows["regular"].EstimatedMissed);
        Assert.Null(rows["dormant"].EstimatedMissed);
        Assert.Equal("dormant", rows["dormant"].Status);
        Assert.Equal("inactive", rows["silent"].Status);
        Assert.Equal("suspended", rows["suspended"].Status);
        Assert.Equal("active", rows["regular"].Status);
    }

    public void Dispose() => database.Dispose();

    private static string Json(AccountActivity row) => JsonSerializer.Serialize(row, ReportJsonContext.Default.AccountActivity);
}
