using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Monitor.Core.Polling;

namespace Monitor.Worker.Web.Health;

/// <summary>
/// Ready only while poll cycles keep coming: the newest cycle start or finish (before the first one, the time this
/// check was created, at service start) is at most <see cref="WebOptions.MaxCycleAge"/> old.
/// </summary>
internal sealed class PollCycleHealthCheck(PollCycleState cycles, IOptions<WebOptions> options, TimeProvider time) : IHealthCheck
{
    private readonly DateTimeOffset createdAt = time.GetUtcNow();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var current = cycles.Current;
        var latest = new[] { current.LastStartedAt, current.LastFinishedAt }.Max() ?? createdAt;
        var age = time.GetUtcNow() - latest;
        var data = new Dictionary<string, object>
        {
            ["lastStartedAt"] = current.LastStartedAt?.ToString("O") ?? "never",
            ["lastFinishedAt"] = current.LastFinishedAt?.ToString("O") ?? "never",
            ["running"] = current.IsRunning,
        };
        var limit = options.Value.MaxCycleAge;
        return Task.FromResult(age <= limit
            ? HealthCheckResult.Healthy($"Last cycle activity {age.TotalSeconds:0}s ago", data)
            : HealthCheckResult.Unhealthy($"No poll cycle for {age.TotalMinutes:0} min (limit {limit.TotalMinutes:0} min)", data: data));
    }
}
