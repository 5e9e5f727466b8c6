using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Monitor.Worker.Web.Health;

/// <summary>Ready only while the Quartz scheduler that triggers poll cycles runs (started, not paused, not shut down).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IScheduler scheduler;
        try
        {
            scheduler = await schedulers.GetScheduler(cancellationToken);
        }
        catch (SchedulerException error)
        {
            // Quartz 4 refuses to hand back a scheduler that was shut down rather than building a new one.
            return HealthCheckResult.Unhealthy("Scheduler shut down", error);
        }

        return scheduler.Status switch
        {
            SchedulerStatus.Running => HealthCheckResult.Healthy("Scheduler running"),
            SchedulerStatus.Standby => HealthCheckResult.Unhealthy("Scheduler in standby"),
            SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown => HealthCheckResult.Unhealthy("Scheduler shut down"),
            SchedulerStatus.Created => HealthCheckResult.Unhealthy("Scheduler not started"),
            var status => HealthCheckResult.Unhealthy($"Scheduler {status}"),
        };
    }
}
