using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Adapters;
using Monitor.Core.Polling;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task PollCycle_ThreeHostsOnOneStore_PollEveryAccountExactlyOnce()
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        var calls = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var adapter = new CountingAdapter(calls, Start);
        var hosts = new List<StoreHost>();
        foreach (var owner in new[] { "host-1", "host-2", "host-3" })
        {
            hosts.Add(await StartHostAsync(owner, services => services.AddSingleton<IPlatformAdapter>(adapter)));
        }

        var ids = Enumerable.Range(0, 60).Select(i => $"acc-{i:D2}").ToArray();
        await hosts[0].Accounts.SyncAccountsAsync(ids.Select(id => Account(id, CountingAdapter.PlatformKey)).ToArray(), Start, Ct);

        // A hang guard, not a timing target: a store that hands accounts out twice could keep a cycle polling.
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        hang.CancelAfter(TimeSpan.FromMinutes(2));
        var cycles = await Task.WhenAll(hosts.Select(host =>
            Task.Run(() => host.Services.GetRequiredService<PollCycle>().RunAsync(new CycleRequest(), hang.Token), hang.Token)));

        Assert.Equal(ids, calls.Keys.Order(StringComparer.Ordinal));
        Assert.All(calls, call => Assert.Equal(1, call.Value));
        Assert.Equal(ids, cycles.SelectMany(c => c.Polls).Select(p => p.AccountId).Order(StringComparer.Ordinal));
        Assert.All(cycles.SelectMany(c => c.Polls), poll => Assert.Equal((PollStatus.Ok, 3), (poll.Status, poll.NewPosts)));
        var posts = await ToListAsync(hosts[1].Reader.ReadPostsAsync(new RecordFilter(), Ct));
        Assert.Equal(ids.SelectMany(id => new[] { $"{id}-1", $"{id}-2", $"{id}-3" }).Order(StringComparer.Ordinal),
            posts.Select(p => p.Post.PostId).Order(StringComparer.Ordinal));
        var snapshots = await ToListAsync(hosts[2].Reader.ReadSnapshotsAsync(new RecordFilter(), Ct));
        Assert.Equal(ids, snapshots.Select(s => s.AccountId).Order(StringComparer.Ordinal));
        Assert.All(await hosts[0].Accounts.ListAccountsAsync(Ct), account =>
            Assert.Equal(($"{account.Account.Id}-1", Start), (account.State.Cursor.Position, account.State.LastSuccessAt)));
    }
}
