using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Tests.Storage;

/// <summary>The storage contract against the embedded SQLite store, one temporary file per test; and SQLite's group commit.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TempSqliteFile file = new();

    protected override IDictionary<string, string?> CreateStoreSettings() => file.Settings();

    [Fact]
    public async Task RecordPoll_PollsQueuedBehindAWrite_CommitTogetherEachWithItsCursorAndPosts()
    {
        var (host, leases) = await ClaimThreeAsync();
        var gate = host.Services.GetRequiredService<SqliteDatabase>().WriteGate;

        // Another write holds the gate, so the three finished polls queue up and are written as one group.
        await gate.WaitAsync(Ct);
        var writes = leases.Select(lease => host.Results.RecordPollAsync(Poll(lease, SamplePost($"{lease.Account.Id}-1", Start.AddDays(-1))), Ct)).ToArray();
        gate.Release();
        var written = await Task.WhenAll(writes);

        Assert.All(written, w => Assert.Equal((1, false), (w.NewPosts, w.LeaseLost)));
        foreach (var id in new[] { "a", "b", "c" })
        {
            Assert.Equal($"\"{id}-2\"", (await StateOfAsync(host, id)).Cursor.ETag);
        }

        Assert.Equal(["a-1", "b-1", "c-1"], (await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).Select(p => p.Post.PostId).Order());
        Assert.Equal(3, (await ToListAsync(host.Reader.ReadSnapshotsAsync(new RecordFilter(), Ct))).Count);
    }

    [Fact]
    public async Task RecordPoll_OneWriteOfAGroupFails_TheOthersAreStoredOnceAndTheFailedCursorDoesNotMove()
    {
        var (host, leases) = await ClaimThreeAsync();
        var gate = host.Services.GetRequiredService<SqliteDatabase>().WriteGate;

        await gate.WaitAsync(Ct);
        var writes = leases.ToDictionary(lease => lease.Account.Id, lease => host.Results.RecordPollAsync(Poll(lease, lease.Account.Id == "b"
            ? SamplePost(null!, Start.AddDays(-1)) // a write SQLite refuses (NOT NULL), inside the group's transaction
            : SamplePost($"{lease.Account.Id}-1", Start.AddDays(-1))), Ct));
        gate.Release();

        await Assert.ThrowsAnyAsync<Exception>(() => writes["b"]);
        Assert.Equal(1, (await writes["a"]).NewPosts);
        Assert.Equal(1, (await writes["c"]).NewPosts);
        Assert.Equal(("\"a-2\"", (string?)null, "\"c-2\""),
            ((await StateOfAsync(host, "a")).Cursor.ETag, (await StateOfAsync(host, "b")).Cursor.ETag, (await StateOfAsync(host, "c")).Cursor.ETag));
        Assert.Equal(["a-1", "c-1"], (await ToListAsync(host.Reader.ReadPostsAsync(new RecordFilter(), Ct))).Select(p => p.Post.PostId).Order());
        Assert.Equal(["a", "c"], (await ToListAsync(host.Reader.ReadSnapshotsAsync(new RecordFilter(), Ct))).Select(s => s.AccountId).Order());

        // The failed poll's account is still leased to it, not moved on: once the lease lapses it is polled again.
        var retry = await host.Accounts.ClaimDueAsync(new ClaimRequest("host-1", Start + Lease, Lease, 3, IgnoreSchedule: true, PolledBefore: Start), Ct);
        Assert.Equal("b", Assert.Single(retry).Account.Id);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        file.Dispose();
    }

    private async Task<(StoreHost Host, AccountLease[] Leases)> ClaimThreeAsync()
    {
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b"), Account("c")], Start, Ct);
        var leases = await host.Accounts.ClaimDueAsync(new ClaimRequest("host-1", Start, Lease, 3, IgnoreSchedule: true), Ct);
        return (host, leases.OrderBy(l => l.Account.Id, StringComparer.Ordinal).ToArray());
    }

    private static PollRecord Poll(AccountLease lease, Post post) => new(
        lease, Start, new FetchResult { Status = PollStatus.Ok, Cursor = new PollCursor($"\"{lease.Account.Id}-2\""), Posts = [post] },
        TimeSpan.FromSeconds(1), Start.AddMinutes(30), 0);
}
