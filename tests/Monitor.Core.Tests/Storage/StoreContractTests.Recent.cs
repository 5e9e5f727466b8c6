using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    private static IRecentRecordReader Recent(StoreHost host) => host.Services.GetRequiredService<IRecentRecordReader>();

    [Fact]
    public async Task ReadNewestPosts_Limit_OneAccountsNewestFirstWithEditedAndDeleted()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b")], Start, Ct);
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [SamplePost("a1", Start.AddDays(-4)), SamplePost("a2", Start.AddDays(-3)), SamplePost("a3", Start.AddDays(-2)),
                SamplePost("t1", Start.AddDays(-1)), SamplePost("t2", Start.AddDays(-1))],
        }, capturedAt: Start);
        await RecordAsync(host, "b", new FetchResult { Status = PollStatus.Ok, Posts = [SamplePost("b1", Start.AddHours(-1))] }, capturedAt: Start);
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [SamplePost("a3", Start.AddDays(-2), text: "Corrected text")],
            Deletions = [new PostDeletion("a2", DeletionEvidence.NotFound)],
        }, capturedAt: Start.AddHours(1));

        var newest = await Recent(host).ReadNewestPostsAsync("a", 4, Ct);
        var all = await Recent(host).ReadNewestPostsAsync("a", 100, Ct);

        Assert.Equal(["t2", "t1", "a3", "a2"], newest.Select(p => p.Post.PostId));
        Assert.All(newest, p => Assert.Equal("a", p.AccountId));
        Assert.Equal(Start.AddHours(1), newest[2].EditedAt);
        Assert.Equal("Corrected text", newest[2].Post.Text);
        Assert.Null(newest[2].DeletedAt);
        Assert.Equal(Start.AddHours(1), newest[3].DeletedAt);
        Assert.Null(newest[0].EditedAt);
        Assert.Equal(5, all.Count);
        Assert.Empty(await Recent(host).ReadNewestPostsAsync("nobody", 10, Ct));
    }

    [Fact]
    public async Task ReadNewestSnapshots_Limit_OneAccountsNewestFirst()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b")], Start, Ct);
        foreach (var minutes in new[] { 0, 30, 10, 40, 20 })
        {
            await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, HttpStatus = 200, Profile = new ProfileCounts(Followers: 100 + minutes) },
                capturedAt: Start.AddMinutes(minutes));
        }

        await RecordAsync(host, "b", new FetchResult { Status = PollStatus.Ok }, capturedAt: Start.AddMinutes(50));
        await RecordAsync(host, "a", FetchResult.Failed(PollStatus.Error, "HTTP 503", 503), capturedAt: Start.AddMinutes(45));

        var newest = await Recent(host).ReadNewestSnapshotsAsync("a", 3, Ct);

        Assert.Equal([45, 40, 30], newest.Select(s => (int)(s.CapturedAt - Start).TotalMinutes));
        Assert.Equal((PollStatus.Error, 503, "HTTP 503", (long?)null), (newest[0].Status, newest[0].HttpStatus, newest[0].Error, newest[0].Followers));
        Assert.Equal((PollStatus.Ok, 200, 140L), (newest[1].Status, newest[1].HttpStatus, newest[1].Followers));
        Assert.Equal(250, newest[1].DurationMs);
        Assert.Equal(6, (await Recent(host).ReadNewestSnapshotsAsync("a", 50, Ct)).Count);
    }

    [Fact]
    public async Task CountPostsByDayAndPlatform_Window_EnabledAccountsPerUtcDayAndPlatform()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("r"), Account("m", "mastodon"), Account("x")], Start, Ct);
        var day = Start.AddDays(-2);
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [SamplePost("a1", day), SamplePost("a2", day.AddHours(23).AddMinutes(59)), SamplePost("a3", day.AddDays(1)), SamplePost("old", day.AddDays(-1))],
        });
        await RecordAsync(host, "r", new FetchResult { Status = PollStatus.Ok, Posts = [SamplePost("r1", day.AddHours(5))] });
        await RecordAsync(host, "r", new FetchResult { Status = PollStatus.Ok, Deletions = [new PostDeletion("r1", DeletionEvidence.NotFound)] }, capturedAt: Start.AddHours(1));
        await RecordAsync(host, "m", new FetchResult { Status = PollStatus.Ok, Posts = [SamplePost("m1", day.AddDays(1).AddHours(2))] });
        await RecordAsync(host, "x", new FetchResult { Status = PollStatus.Ok, Posts = [SamplePost("x1", day)] });
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("r"), Account("m", "mastodon"), Account("x", enabled: false)], Start, Ct);

        var counts = await Recent(host).CountPostsByDayAndPlatformAsync(day, Start, Ct);

        var first = DateOnly.FromDateTime(day.UtcDateTime);
        Assert.Equal(
            [new PlatformDayCount(first, "rss", 3), new PlatformDayCount(first.AddDays(1), "mastodon", 1), new PlatformDayCount(first.AddDays(1), "rss", 1)],
            counts);
        Assert.Empty(await Recent(host).CountPostsByDayAndPlatformAsync(Start, Start.AddDays(1), Ct));
    }
}
