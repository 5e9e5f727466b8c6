using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Monitor.Worker.Web.Health;

/// <summary>Ready only while the Quartz scheduler that triggers poll cycles runs (started, not paused, not shut down).</summary>
internal sealed class SchedulerHealthCheck(ISchedulerFactory schedulers) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return scheduler switch
        {
            { IsShutdown: true } => HealthCheckResult.Unhealthy("Scheduler shut down"),
            { IsStarted: false } => HealthCheckResult.Unhealthy("Scheduler not started"),
            { InStandbyMode: true } => HealthCheckResult.Unhealthy("Scheduler in standby"),
            _ => HealthCheckResult.Healthy("Scheduler running"),
        };
    }
}
