using Monitor.Core.Polling;
using Monitor.Worker.Hosting;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>
/// The polling heartbeat: tops the poll pool up with due accounts and reports what finished since the last beat.
/// Polling itself is continuous — every finished poll refills its slot at once — so the job returns in
/// milliseconds; it keeps the pool fed when it was idle and makes the schedule visible to Quartz and /readyz.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PollCycleJob(PollCycle pool, StoreInitializer store) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            if (!await store.TryInitializeAsync(cancellationToken))
            {
                return;
            }

            await pool.HeartbeatAsync(cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            // Logged by the pool; the next heartbeat tries again once the store is back.
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
