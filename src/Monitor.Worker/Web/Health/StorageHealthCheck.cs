using Microsoft.Extensions.Diagnostics.HealthChecks;
using Monitor.Core.Storage;

namespace Monitor.Worker.Web.Health;

/// <summary>Ready only while the configured store answers.</summary>
internal sealed class StorageHealthCheck(IStorageLifecycle storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await storage.CheckHealthAsync(cancellationToken) is { } reason
            ? HealthCheckResult.Unhealthy("Store unreachable: " + reason)
            : HealthCheckResult.Healthy("Store reachable");
}
