using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Worker.Web.Metrics;

/// <summary>
/// Counts due and overdue enabled accounts in the store every <see cref="TelemetryOptions.BacklogInterval"/> for the
/// <c>monitor.accounts.due</c>/<c>overdue</c> gauges (a gauge callback cannot await the store).
/// </summary>
internal sealed class AccountBacklogSampler(
    IAccountStore accounts,
    IOptions<TelemetryOptions> options,
    TimeProvider time,
    ILogger<AccountBacklogSampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.BacklogInterval, time);
        try
        {
            do
            {
                await SampleAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task SampleAsync(CancellationToken cancellationToken)
    {
        try
        {
            var records = await accounts.ListAccountsAsync(cancellationToken);
            MonitorMetrics.RecordBacklog(Count(records, time.GetUtcNow(), options.Value.OverdueAfter));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The readiness check reports the store; the gauges keep their last values until it answers again.
            Log.BacklogSampleFailed(logger, ex);
        }
    }

    /// <summary>Due: enabled, never polled or next poll time reached. Overdue: next poll time more than <paramref name="overdueAfter"/> past.</summary>
    internal static AccountBacklog Count(IEnumerable<AccountRecord> records, DateTimeOffset now, TimeSpan overdueAfter)
    {
        var enabled = records.Where(r => r.Account.Enabled).Select(r => r.State.NextPollAt).ToArray();
        return new AccountBacklog(
            enabled.LongCount(next => next is null || next <= now),
            enabled.LongCount(next => next is { } n && n < now - overdueAfter));
    }
}
