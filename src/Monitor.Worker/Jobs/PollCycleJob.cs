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
    public async Task Execute(IJobExecutionContext context)
    {
        try
        {
            if (!await store.TryInitializeAsync(context.CancellationToken))
            {
                return;
            }

            await pool.HeartbeatAsync(context.CancellationToken);
        }
        catch (StoreUnavailableException)
        {
            // Logged by the pool; the next heartbeat tries again once the store is back.
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
        }
    }
}
