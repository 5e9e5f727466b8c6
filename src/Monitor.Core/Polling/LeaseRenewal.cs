using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Core.Polling;

/// <summary>
/// Keeps a poll's lease alive while it runs: every third of <see cref="PollingOptions.LeaseDuration"/> the lease is
/// extended by a full duration, so a slow poll (many pages, long timeouts) is not taken over by another worker. A
/// renewal that finds the lease gone stops renewing; the poll's write is then fenced off by the store.
/// </summary>
internal sealed class LeaseRenewal : IAsyncDisposable
{
    private readonly IAccountStore accounts;
    private readonly TimeSpan duration;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ITimer timer;
    private readonly SemaphoreSlim busy = new(1, 1);
    private AccountLease lease;
    private bool lost;

    public LeaseRenewal(IAccountStore accounts, AccountLease lease, TimeSpan duration, TimeProvider time, ILogger logger)
    {
        this.accounts = accounts;
        this.lease = lease;
        this.duration = duration;
        this.time = time;
        this.logger = logger;
        var period = duration / 3;
        timer = time.CreateTimer(_ => _ = RenewAsync(), null, period, period);
    }

    private async Task RenewAsync()
    {
        if (lost || !await busy.WaitAsync(0))
        {
            return;
        }

        try
        {
            var renewed = await accounts.RenewLeaseAsync(lease, time.GetUtcNow(), duration, CancellationToken.None);
            if (renewed is null)
            {
                lost = true;
                Log.LeaseLost(logger, lease.Account.Id);
            }
            else
            {
                lease = renewed;
            }
        }
        catch (Exception ex)
        {
            Log.LeaseRenewalFailed(logger, ex, lease.Account.Id);
        }
        finally
        {
            busy.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await timer.DisposeAsync();

        // A renewal in flight finishes before the poll writes, so it cannot extend a lease the write just freed.
        await busy.WaitAsync();
        busy.Release();
    }
}
