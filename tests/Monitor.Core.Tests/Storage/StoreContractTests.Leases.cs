using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

/// <summary>Leases through the real poll pool: renewal keeps a slow poll's account, a dead worker's accounts move on.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task PollCycle_PollSlowerThanTheLease_KeepsItsClaimByRenewalAndStoresItsCursor()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var slow = new GatedAdapter();
        var renewals = new SemaphoreSlim(0);
        var host = await StartHostAsync("host-1", services =>
        {
            services.AddSingleton<IPlatformAdapter>(slow);
            RenewalSignallingStore.Register(services, renewals);
        });
        var other = await StartHostAsync("host-2");
        await host.Accounts.SyncAccountsAsync([Account("slow", CountingAdapter.PlatformKey)], Start, Ct);

        var run = host.Services.GetRequiredService<PollCycle>().RunAsync(new CycleRequest(), Ct);
        await slow.Entered.Task;

        // Three lease durations pass while the fetch hangs; each renewal (every third of the lease) keeps the claim.
        var takeovers = new List<AccountLease>();
        for (var step = 0; step < 9; step++)
        {
            Time.Advance(Lease / 3);
            Assert.True(await renewals.WaitAsync(TimeSpan.FromSeconds(30), Ct), "the lease was not renewed");
            takeovers.AddRange(await other.Accounts.ClaimDueAsync(new ClaimRequest("host-2", Time.GetUtcNow(), Lease, 10), Ct));
        }

        slow.Release();
        var summary = await run;

        Assert.Empty(takeovers);
        Assert.Equal(PollStatus.Ok, Assert.Single(summary.Polls).Status);
        Assert.Equal("after-slow-poll", (await StateOfAsync(host, "slow")).Cursor.Position);
    }

    [Fact]
    public async Task ClaimDue_WorkerDiedMidPoll_ItsAccountIsTakenOverOnlyAfterTheLease()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var dead = await StartHostAsync("host-dead");
        var live = await StartHostAsync("host-live");
        await dead.Accounts.SyncAccountsAsync([Account("a")], Start, Ct);
        Assert.Single(await dead.Accounts.ClaimDueAsync(new ClaimRequest("host-dead", Start, Lease, 1), Ct));

        var before = await live.Accounts.ClaimDueAsync(new ClaimRequest("host-live", Start + Lease - TimeSpan.FromSeconds(1), Lease, 1), Ct);
        var after = await live.Accounts.ClaimDueAsync(new ClaimRequest("host-live", Start + Lease, Lease, 1), Ct);

        Assert.Empty(before);
        Assert.Equal("host-live", Assert.Single(after).Owner);
    }
}
