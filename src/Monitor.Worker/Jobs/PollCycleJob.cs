using Microsoft.Extensions.Hosting;
using Monitor.Core.Polling;
using Monitor.Worker.Hosting;
using Quartz;

namespace Monitor.Worker.Jobs;

/// <summary>Runs one poll cycle. Never two at once; a cycle longer than the interval delays the next instead of overlapping.</summary>
[DisallowConcurrentExecution]
internal sealed class PollCycleJob(PollCycle cycle, StoreInitializer store, IHostApplicationLifetime lifetime) : IJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        // Stop on scheduler shutdown or host stop: in-flight fetches are abandoned, their leases given back.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        try
        {
            if (!await store.TryInitializeAsync(stopping.Token))
            {
                return;
            }

            await cycle.RunAsync(new CycleRequest(), stopping.Token);
        }
        catch (StoreUnavailableException)
        {
            // Logged by the cycle; the next trigger tries again once the store is back.
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }
}
