using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz.Diagnostics;

namespace Monitor.Worker.Hosting;

/// <summary>
/// Quartz 4 logs the scheduler through the container's factory, but the parts no container builds (the cron trigger,
/// static helpers) log through a process-wide static. Constructed just before Quartz's own services, this points that
/// static at the host being started and, once Quartz has stopped (hosted services stop in reverse order), back at a
/// null factory, so a host built after an earlier one was disposed (tests; a restarted in-process host) never logs
/// through the disposed factory.
/// </summary>
internal sealed class QuartzLogBinding : IHostedService
{
    public QuartzLogBinding(ILoggerFactory loggerFactory) => LogProvider.SetLogProvider(loggerFactory);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogProvider.SetLogProvider(NullLoggerFactory.Instance);
        return Task.CompletedTask;
    }
}
