using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Study;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

/// <summary>The study's store queries: both providers count polls, first posts, reposts and languages alike, and keep the platform's creation date.</summary>
public abstract partial class StoreContractTests
{
    private static Post StudyPost(string id, DateTimeOffset at, PostKind kind, string? language, long? reposts) => new()
    {
        PostId = id,
        PublishedAt = at,
        Kind = kind,
        Text = $"Text of {id}",
        Language = language,
        Metrics = reposts is null ? null : new PostMetrics(0, reposts, 0, null),
    };

    [Fact]
    public async Task StudyQueries_RecordedPolls_CountPollsFirstPostRepostsAndLanguages()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b"), Account("off")], Start, Ct);
        var window = new ActivityWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31));
        var old = Start.AddYears(-2);
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts =
            [
                StudyPost("a0", old, PostKind.Post, "en", 100), // before the window: first post, not measured
                StudyPost("a1", Start.AddDays(1), PostKind.Post, "en", 10),
                StudyPost("a2", Start.AddDays(2), PostKind.Reply, "fr", 5),
                StudyPost("a3", Start.AddDays(3), PostKind.Repost, "fr", 50), // a repost's count is someone else's
                StudyPost("a4", Start.AddDays(4), PostKind.Quote, null, null),
            ],
        }, capturedAt: Start.AddDays(5));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.NotModified }, capturedAt: Start.AddDays(6));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Error, Error = "boom" }, capturedAt: Start.AddDays(7));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok }, capturedAt: Start.AddDays(40)); // after the window
        await RecordAsync(host, "b", new FetchResult { Status = PollStatus.Unauthorized }, capturedAt: Start.AddDays(5));
        await RecordAsync(host, "off", new FetchResult { Status = PollStatus.Ok, Posts = [StudyPost("o1", Start.AddDays(1), PostKind.Post, "de", 1)] },
            capturedAt: Start.AddDays(5));
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b")], Start.AddDays(8), Ct); // "off" leaves the list: disabled
        var queries = host.Services.GetRequiredService<IStudyQueries>();

        var facts = await queries.QueryStudyFactsAsync(window, Ct);
        var languages = await queries.QueryLanguagesAsync(window, Ct);

        Assert.Equal(
        [
            new AccountStudyFacts("a", 3, 2, old, 2, 15),
            new AccountStudyFacts("b", 1, 0, null, 0, 0),
        ], facts);
        Assert.Equal([new LanguageCount("a", null, 1), new LanguageCount("a", "en", 1), new LanguageCount("a", "fr", 2)], languages);
    }

    /// <summary>The account's creation date from the platform: kept once known, written only with the poll's account state.</summary>
    [Fact]
    public async Task StudyQueries_ProfileCreationDate_IsKeptOnceKnownAndNotWrittenByAPollThatLostItsLease()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        var other = await StartHostAsync("host-2");
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b"), Account("c")], Start, Ct);
        var created = new DateTimeOffset(2013, 12, 14, 4, 35, 55, TimeSpan.Zero);
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Profile = new ProfileCounts(10) { CreatedAt = created } }, capturedAt: Start.AddDays(1));
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Profile = new ProfileCounts(11) }, capturedAt: Start.AddDays(2)); // no date: kept
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.RateLimited, Error = "limit" }, capturedAt: Start.AddDays(3));
        await RecordAsync(host, "c", new FetchResult { Status = PollStatus.Ok, Profile = new ProfileCounts(5) }, capturedAt: Start.AddDays(1));

        // "b": a stale poll whose lease another worker took over carries a date; it writes no account state.
        var stale = Assert.Single(await host.Accounts.ClaimDueAsync(new ClaimRequest("host-1", Start.AddDays(4), Lease, 1, IgnoreSchedule: true, AccountId: "b"), Ct));
        var later = Start.AddDays(4) + Lease + TimeSpan.FromMinutes(1);
        var fresh = Assert.Single(await other.Accounts.ClaimDueAsync(new ClaimRequest("host-2", later, Lease, 1, IgnoreSchedule: true, AccountId: "b"), Ct));
        await other.Results.RecordPollAsync(new PollRecord(fresh, later, new FetchResult { Status = PollStatus.Ok }, TimeSpan.FromSeconds(1), later.AddMinutes(30), 0), Ct);
        var written = await host.Results.RecordPollAsync(new PollRecord(stale, Start.AddDays(4), new FetchResult
        {
            Status = PollStatus.Ok, Profile = new ProfileCounts(7) { CreatedAt = created },
        }, TimeSpan.FromSeconds(1), Start.AddDays(4).AddMinutes(5), 0), Ct);
        Assert.True(written.LeaseLost);

        var facts = (await host.Services.GetRequiredService<IStudyQueries>()
            .QueryStudyFactsAsync(new ActivityWindow(new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31)), Ct)).ToDictionary(f => f.AccountId);

        Assert.Equal(created, facts["a"].PlatformCreatedAt);
        Assert.Null(facts["b"].PlatformCreatedAt);
        Assert.Null(facts["c"].PlatformCreatedAt);
    }
}
