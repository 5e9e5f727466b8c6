using Monitor.Core.Adapters;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task ReadPosts_Filter_SelectsPublishedInHalfOpenRangeAndAccountOldestFirst()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b")], Start, Ct);
        await RecordAsync(host, "a", new FetchResult
        {
            Status = PollStatus.Ok,
            Posts = [SamplePost("a3", Start.AddDays(-1)), SamplePost("a1", Start.AddDays(-3)), SamplePost("a2", Start.AddDays(-2)), SamplePost("a0", Start.AddDays(-4))],
        });
        await RecordAsync(host, "b", new FetchResult { Status = PollStatus.Ok, Posts = [SamplePost("b1", Start.AddDays(-2).AddHours(1))] });

        var all = await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct));
        var range = await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(Start.AddDays(-3), Start.AddDays(-1)), Ct));
        var accountRange = await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(Start.AddDays(-3), Start.AddDays(-1), "a"), Ct));

        Assert.Equal(["a0", "a1", "a2", "b1", "a3"], all.Select(p => p.Post.PostId));
        Assert.Equal(["a1", "a2", "b1"], range.Select(p => p.Post.PostId));
        Assert.Equal(["a1", "a2"], accountRange.Select(p => p.Post.PostId));
    }

    [Fact]
    public async Task ReadSnapshots_Filter_SelectsCapturedInHalfOpenRangeAndAccountOldestFirst()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b")], Start, Ct);
        foreach (var (id, minutes) in new[] { ("a", 30), ("b", 10), ("a", 20), ("b", 40), ("a", 0) })
        {
            await RecordAsync(host, id, new FetchResult { Status = PollStatus.Ok }, capturedAt: Start.AddMinutes(minutes));
        }

        var all = await ToListAsync(host.Reader.ReadSnapshotsAsync(new RecordFilter(), Ct));
        var range = await ToListAsync(host.Reader.ReadSnapshotsAsync(new RecordFilter(Start.AddMinutes(10), Start.AddMinutes(40)), Ct));
        var accountRange = await ToListAsync(host.Reader.ReadSnapshotsAsync(new RecordFilter(Start.AddMinutes(10), null, "b"), Ct));

        Assert.Equal([0, 10, 20, 30, 40], all.Select(s => (int)(s.CapturedAt - Start).TotalMinutes));
        Assert.Equal([("b", 10), ("a", 20), ("a", 30)], range.Select(s => (s.AccountId, (int)(s.CapturedAt - Start).TotalMinutes)));
        Assert.Equal([("b", 10), ("b", 40)], accountRange.Select(s => (s.AccountId, (int)(s.CapturedAt - Start).TotalMinutes)));
    }

    [Fact]
    public async Task CheckHealth_InitializedStore_ReturnsNull()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();

        Assert.Null(await host.Lifecycle.CheckHealthAsync(Ct));
    }

    [Fact]
    public async Task Initialize_Again_KeepsDataAndWorks()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Posts = [SamplePost("1", Start)] });

        await host.Lifecycle.InitializeAsync(Ct);
        var other = await StartHostAsync("host-2");

        Assert.Single(await ToListAsync(other.Reader.ReadPostsAsync(new RecordFilter(), Ct)));
        Assert.Single(await other.Accounts.ListAccountsAsync(Ct));
    }
}
