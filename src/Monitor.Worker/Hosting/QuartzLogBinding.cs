using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz.Logging;

namespace Monitor.Worker.Hosting;

/// <summary>
/// Quartz keeps its logger factory in a static. Constructed just before Quartz's own services, this points it at the
/// host being started, so a host built after an earlier one was disposed (tests; a restarted in-process host) never
/// logs through the disposed factory.
/// </summary>
internal sealed class QuartzLogBinding : IHostedService
{
    public QuartzLogBinding(ILoggerFactory loggerFactory) => LogContext.SetCurrentLogProvider(loggerFactory);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
