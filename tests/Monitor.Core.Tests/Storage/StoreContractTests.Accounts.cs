using Monitor.Core.Adapters;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task SyncAccounts_NewAccounts_AreAddedWithEmptyStateOrderedById()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();

        await host.Accounts.SyncAccountsAsync([Account("b"), Account("a", "mastodon", enabled: false)], Start, Ct);

        var stored = await host.Accounts.ListAccountsAsync(Ct);
        Assert.Equal([new AccountRecord(Account("a", "mastodon", enabled: false), PollState.New), new AccountRecord(Account("b"), PollState.New)], stored);
    }

    [Fact]
    public async Task SyncAccounts_ChangedAndRemovedAccounts_AreUpdatedAndDisabledKeepingState()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b")], Start, Ct);
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok, Cursor = new PollCursor(ETag: "\"v1\"") });
        await RecordAsync(host, "b", new FetchResult { Status = PollStatus.Ok });
        var stateA = await StateOfAsync(host, "a");
        var stateB = await StateOfAsync(host, "b");

        var renamed = Account("a") with { Name = "Renamed", Language = "fr" };
        await host.Accounts.SyncAccountsAsync([renamed], Start, Ct);

        var stored = await host.Accounts.ListAccountsAsync(Ct);
        Assert.Equal([new AccountRecord(renamed, stateA), new AccountRecord(Account("b", enabled: false), stateB)], stored);
        Assert.Equal(new PollCursor(ETag: "\"v1\""), stateA.Cursor);
    }

    [Fact]
    public async Task SyncAccounts_ReaddedAccount_IsEnabledAgain()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        await host.Accounts.SyncAccountsAsync([], Start, Ct);

        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);

        Assert.True((await host.Accounts.ListAccountsAsync(Ct)).Single().Account.Enabled);
    }

    [Fact]
    public async Task ClaimDue_MixedAccounts_ReturnsEnabledDueOnesNeverPolledFirst()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("due-late"), Account("due-early"), Account("future"), Account("new"), Account("off", enabled: false)], Start, Ct);
        await RecordAsync(host, "due-late", new FetchResult { Status = PollStatus.Ok }, nextPollAt: Start.AddMinutes(20));
        await RecordAsync(host, "due-early", new FetchResult { Status = PollStatus.Ok }, nextPollAt: Start.AddMinutes(10));
        await RecordAsync(host, "future", new FetchResult { Status = PollStatus.Ok }, nextPollAt: Start.AddHours(2));
        var now = Start.AddMinutes(30);

        var leases = await host.Accounts.ClaimDueAsync(new ClaimRequest("w1", now, Lease, 10), Ct);

        Assert.Equal(["new", "due-early", "due-late"], leases.Select(l => l.Account.Id));
        Assert.All(leases, lease => Assert.Equal(("w1", now + Lease), (lease.Owner, lease.ExpiresAt)));
        Assert.Equal(Start.AddMinutes(10), leases[1].State.NextPollAt);
    }

    [Fact]
    public async Task ClaimDue_MaxCount_LimitsTheClaim()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("c"), Account("a"), Account("b")], Start, Ct);

        var leases = await host.Accounts.ClaimDueAsync(new ClaimRequest("w1", Start, Lease, 2), Ct);

        Assert.Equal(["a", "b"], leases.Select(l => l.Account.Id));
    }

    [Fact]
    public async Task ClaimDue_LeasedAccount_IsTakenOverOnlyAfterTheLeaseExpires()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        Assert.Single(await host.Accounts.ClaimDueAsync(new ClaimRequest("crashed", Start, Lease, 5), Ct));

        var whileLeased = await host.Accounts.ClaimDueAsync(new ClaimRequest("w2", Start + Lease - TimeSpan.FromSeconds(1), Lease, 5, IgnoreSchedule: true), Ct);
        var sameOwnerAgain = await host.Accounts.ClaimDueAsync(new ClaimRequest("crashed", Start.AddMinutes(1), Lease, 5), Ct);
        var afterExpiry = await host.Accounts.ClaimDueAsync(new ClaimRequest("w2", Start + Lease, Lease, 5), Ct);

        Assert.Empty(whileLeased);
        Assert.Empty(sameOwnerAgain);
        var lease = Assert.Single(afterExpiry);
        Assert.Equal(("a", "w2", Start + Lease + Lease), (lease.Account.Id, lease.Owner, lease.ExpiresAt));
    }

    [Fact]
    public async Task ClaimDue_IgnoreSchedule_ClaimsAccountsNotYetDue()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("off", enabled: false)], Start, Ct);
        await RecordAsync(host, "a", new FetchResult { Status = PollStatus.Ok }, nextPollAt: Start.AddHours(1));

        var scheduled = await host.Accounts.ClaimDueAsync(new ClaimRequest("w1", Start, Lease, 5), Ct);
        var ignoring = await host.Accounts.ClaimDueAsync(new ClaimRequest("w1", Start, Lease, 5, IgnoreSchedule: true), Ct);

        Assert.Empty(scheduled);
        Assert.Equal(["a"], ignoring.Select(l => l.Account.Id));
    }

    [Fact]
    public async Task ClaimDue_AccountId_ClaimsOnlyThatAccount()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a"), Account("b"), Account("c")], Start, Ct);

        var leases = await host.Accounts.ClaimDueAsync(new ClaimRequest("w1", Start, Lease, 5, AccountId: "b"), Ct);

        Assert.Equal(["b"], leases.Select(l => l.Account.Id));
    }

    [Fact]
    public async Task ClaimDue_PolledBefore_SkipsAccountsPolledSinceThen()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("old"), Account("recent"), Account("never")], Start, Ct);
        await RecordAsync(host, "old", new FetchResult { Status = PollStatus.Ok }, capturedAt: Start, nextPollAt: Start);
        await RecordAsync(host, "recent", new FetchResult { Status = PollStatus.Ok }, capturedAt: Start.AddMinutes(5), nextPollAt: Start);

        var leases = await host.Accounts.ClaimDueAsync(
            new ClaimRequest("w1", Start.AddMinutes(6), Lease, 5, IgnoreSchedule: true, PolledBefore: Start.AddMinutes(5)), Ct);

        Assert.Equal(["never", "old"], leases.Select(l => l.Account.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ClaimDue_ConcurrentClaimersOnTwoHosts_NeverGetTheSameAccount()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var first = await StartHostAsync("w1");
        var second = await StartHostAsync("w2");
        var ids = Enumerable.Range(0, 40).Select(i => $"acc-{i:D2}").ToArray();
        await first.Accounts.SyncAccountsAsync(ids.Select(id => Account(id)).ToArray(), Start, Ct);

        async Task<List<string>> DrainAsync(StoreHost host)
        {
            var claimed = new List<string>();

            // Bounded so that a store handing accounts out twice fails the test instead of looping forever.
            for (var round = 0; round < ids.Length; round++)
            {
                var leases = await host.Accounts.ClaimDueAsync(new ClaimRequest(host.Owner, Start, Lease, 3), Ct);
                if (leases.Count == 0)
                {
                    return claimed;
                }

                claimed.AddRange(leases.Select(l => l.Account.Id));
            }

            return claimed;
        }

        var results = await Task.WhenAll(Task.Run(() => DrainAsync(first), Ct), Task.Run(() => DrainAsync(second), Ct));

        Assert.Equal(ids, results.SelectMany(r => r).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Release_ByItsOwner_MakesTheAccountClaimableAgain()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        var lease = Assert.Single(await host.Accounts.ClaimDueAsync(new ClaimRequest("w1", Start, Lease, 1), Ct));

        await host.Accounts.ReleaseAsync(lease with { Owner = "someone-else" }, Ct);
        var whileHeld = await host.Accounts.ClaimDueAsync(new ClaimRequest("w2", Start, Lease, 1), Ct);
        await host.Accounts.ReleaseAsync(lease, Ct);
        var afterRelease = await host.Accounts.ClaimDueAsync(new ClaimRequest("w2", Start, Lease, 1), Ct);

        Assert.Empty(whileHeld);
        Assert.Equal("w2", Assert.Single(afterRelease).Owner);
        Assert.Equal(PollState.New, await StateOfAsync(host, "a"));
    }

    [Fact]
    public async Task DeferPlatform_MovesNextPollOfThatPlatformOnlyAndNeverEarlier()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var host = await StartHostAsync();
        await host.Accounts.SyncAccountsAsync([Account("x1", "x"), Account("x2", "x"), Account("r1")], Start, Ct);
        await RecordAsync(host, "x2", new FetchResult { Status = PollStatus.Ok }, nextPollAt: Start.AddHours(3));
        var until = Start.AddHours(1);

        await host.Accounts.DeferPlatformAsync("x", until, Ct);

        Assert.Equal(until, (await StateOfAsync(host, "x1")).NextPollAt);
        Assert.Equal(Start.AddHours(3), (await StateOfAsync(host, "x2")).NextPollAt);
        Assert.Null((await StateOfAsync(host, "r1")).NextPollAt);
        Assert.Empty(await host.Accounts.ClaimDueAsync(new ClaimRequest("w1", Start.AddMinutes(59), Lease, 5, AccountId: "x1"), Ct));
    }
}
