using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Posts;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// The reports read only the covering indexes of schema 5, in a database without statistics (Monitor never runs
/// ANALYZE): no post or snapshot row, no temp B-tree. The index follows edits and deletions of posts.
/// </summary>
public sealed class SqliteReportIndexTests : IDisposable
{
    private static readonly TrackedAccount Fra = new("fra-mfa", Platforms.Mastodon, "@mfa@example", "FRA", ActorType.ForeignMinistry);
    private static readonly ActivityWindow April = new(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30));
    private readonly ActivityTestDatabase database = new();

    public static TheoryData<string, string> Statements => new()
    {
        { nameof(SqliteActivityQueries.WindowPostsSql), SqliteActivityQueries.WindowPostsSql },
        { nameof(SqliteActivityQueries.AccountFactsSql), SqliteActivityQueries.AccountFactsSql },
        { nameof(SqliteActivityQueries.LastPostSql), SqliteActivityQueries.LastPostSql },
        { "FallbackSql[0] (first followers)", SqliteActivityQueries.FallbackSql[0] },
        { "FallbackSql[1] (last followers)", SqliteActivityQueries.FallbackSql[1] },
        { "FallbackSql[2] (first counter)", SqliteActivityQueries.FallbackSql[2] },
        { "FallbackSql[3] (last counter)", SqliteActivityQueries.FallbackSql[3] },
        { nameof(SqliteStudyQueries.FactsSql), SqliteStudyQueries.FactsSql },
        { nameof(SqliteStudyQueries.LanguagesSql), SqliteStudyQueries.LanguagesSql },
    };

    [Theory]
    [MemberData(nameof(Statements))]
    public void QueryPlan_ReportStatement_ReadsOnlyCoveringIndexes(string name, string sql)
    {
        var plan = Plan(sql);

        Assert.True(plan.All(step => !step.StartsWith("SCAN p", StringComparison.Ordinal) && !step.StartsWith("SCAN s", StringComparison.Ordinal)), name + ": " + string.Join(" | ", plan));
        Assert.All(plan.Where(step => step.StartsWith("SEARCH p", StringComparison.Ordinal) || step.StartsWith("SEARCH s", StringComparison.Ordinal)),
            step => Assert.Contains("COVERING INDEX", step, StringComparison.Ordinal));
        if (name == nameof(SqliteActivityQueries.WindowPostsSql))
        {
            // The stream must arrive account by account in time order without a sort of the window's posts.
            Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task QueryActivity_EditedAndDeletedPosts_ReflectsTheRowsAsTheyAreNow()
    {
        database.AddAccount(Fra);
        var at = new DateTimeOffset(2026, 4, 10, 9, 0, 0, TimeSpan.Zero);
        database.AddPost(Fra, "1", at, PostKind.Post, at);
        database.AddPost(Fra, "2", at.AddHours(2), PostKind.Reply, at);
        database.AddPost(Fra, "3", at.AddDays(1), PostKind.Post, at);

        // An edit moves post 2 to the next month and makes post 3 a quote; post 1 is removed.
        database.Execute("UPDATE posts SET published_at = $1 WHERE post_id = '2'", at.AddDays(30).ToUnixTimeMilliseconds());
        database.Execute("UPDATE posts SET kind = 'quote' WHERE post_id = '3'");
        database.Execute("DELETE FROM posts WHERE post_id = '1'");
        var facts = Assert.Single(await database.Queries.QueryActivityAsync(April, TestContext.Current.CancellationToken));

        Assert.Equal((0, 0, 1, 1), (facts.Originals, facts.Replies, facts.Quotes, facts.ActiveDays));
        Assert.Equal(at.AddDays(1), facts.LastPostAt);
        Assert.Equal(1, facts.ByHourUtc[9]);
        var row = new ActivityCalculator(Options.Create(new ActivityOptions()), new FakeTimeProvider(at.AddDays(2))).Compute(facts, April);
        Assert.Equal(1, row.Posts);
    }

    [Fact]
    public async Task QueryActivity_SnapshotsWithOneCountEach_TakesEachFigureFromTheFirstAndLastSnapshotThatHasIt()
    {
        database.AddAccount(Fra);
        var day = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        database.AddSnapshot(Fra, day.AddDays(-1), followers: 1, postsTotal: 1);       // before the window
        database.AddSnapshot(Fra, day.AddDays(2), followers: null, postsTotal: null);  // a failed poll
        database.AddSnapshot(Fra, day.AddDays(3), followers: 100, postsTotal: null);
        database.AddSnapshot(Fra, day.AddDays(4), followers: null, postsTotal: 40);
        database.AddSnapshot(Fra, day.AddDays(5), followers: 110, postsTotal: 45);
        database.AddSnapshot(Fra, day.AddDays(20), followers: 120, postsTotal: null);
        database.AddSnapshot(Fra, day.AddDays(25), followers: null, postsTotal: 50);
        database.AddSnapshot(Fra, day.AddDays(26), followers: null, postsTotal: null);
        database.AddSnapshot(Fra, day.AddDays(31), followers: 999, postsTotal: 999);    // after the window
        database.AddPost(Fra, "1", day.AddDays(4).AddHours(1), PostKind.Post, day);
        database.AddPost(Fra, "2", day.AddDays(24), PostKind.Post, day);
        database.AddPost(Fra, "3", day.AddDays(26), PostKind.Post, day);

        var facts = Assert.Single(await database.Queries.QueryActivityAsync(April, TestContext.Current.CancellationToken));

        Assert.Equal((100L, 120L), (facts.FollowersStart!.Value, facts.FollowersEnd!.Value));
        Assert.Equal((40L, 50L), (facts.PostsTotalStart!.Value, facts.PostsTotalEnd!.Value));
        // Posts after the first counter (day 4, 00:00) and at or before the last (day 25): posts 1 and 2.
        Assert.Equal(2, facts.PostsInCounterSpan);
        Assert.Equal(day.AddDays(26), facts.LastPostAt);
    }

    [Fact]
    public async Task QueryActivity_NoPostInTheWindow_LastPostIsTheNewestBeforeTheWindowEnds()
    {
        var quiet = Fra with { Id = "quiet" };
        var busy = Fra with { Id = "busy" };
        database.AddAccount(quiet);
        database.AddAccount(busy);
        var day = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);
        database.AddPost(quiet, "old", day.AddDays(-40), PostKind.Post, day);
        database.AddPost(quiet, "older", day.AddDays(-50), PostKind.Post, day);
        database.AddPost(quiet, "later", day.AddDays(45), PostKind.Post, day);
        database.AddPost(busy, "in", day.AddDays(10), PostKind.Reply, day);
        database.AddPost(busy, "later", day.AddDays(45), PostKind.Post, day);

        var facts = (await database.Queries.QueryActivityAsync(April, TestContext.Current.CancellationToken)).ToDictionary(f => f.Account.Id);

        Assert.Equal(day.AddDays(-40), facts["quiet"].LastPostAt);
        Assert.Equal(0, facts["quiet"].Posts);
        Assert.Null(facts["quiet"].FollowersStart);
        Assert.Null(facts["quiet"].PostsInCounterSpan);
        Assert.Equal(day.AddDays(10), facts["busy"].LastPostAt);
        Assert.Equal(1, facts["busy"].Replies);
    }

    private const int SchemaBeforeReportIndexes = 6;

    [Fact]
    public async Task Migrate_PreviousSchema_AddsBothIndexesWithTheirColumns()
    {
        // Schema 7 added the report indexes: a database at schema 6 lacks them (later migrations run again, idempotently).
        database.Execute("DROP INDEX ix_posts_report");
        database.Execute("DROP INDEX ix_snapshots_report");
        database.Execute($"PRAGMA user_version = {SchemaBeforeReportIndexes}");
        using var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        connection.Open();

        Assert.Equal(SchemaBeforeReportIndexes, await SqliteSchema.MigrateAsync(connection, TestContext.Current.CancellationToken));

        Assert.Equal("account_id,published_at,kind,language,reposts", Columns(connection, "ix_posts_report"));
        Assert.Equal("account_id,captured_at,id,followers,posts_total,status", Columns(connection, "ix_snapshots_report"));
    }

    public void Dispose() => database.Dispose();

    private static string Columns(SqliteConnection connection, string index)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT group_concat(name) FROM (SELECT name FROM pragma_index_info('{index}') ORDER BY seqno)";
        return (string)command.ExecuteScalar()!;
    }

    private List<string> Plan(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={database.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$start", "$end", "$account" })
        {
            command.Parameters.AddWithValue(name, 0);
        }

        using var reader = command.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }
}
