using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz.Diagnostics;

namespace Monitor.Worker.Hosting;

/// <summary>
/// Quartz 4 logs the scheduler through the container's factory, but the parts no container builds (the cron trigger,
/// static helpers) log through a process-wide static. Constructed just before Quartz's own services, this points that
/// static at the host being started and, once Quartz has stopped (hosted services stop in reverse order) or the host
/// is disposed without having started, back at a null factory, so a host built after an earlier one was disposed
/// (tests; a restarted in-process host) never logs through the disposed factory. 4.7.3's job factory reads the static
/// when the scheduler is built.
/// </summary>
internal sealed class QuartzLogBinding : IHostedService, IDisposable
{
    public QuartzLogBinding(ILoggerFactory loggerFactory) => LogProvider.SetLogProvider(loggerFactory);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Release();
        return Task.CompletedTask;
    }

    /// <summary>The container disposes this before the logger factory it was built from (reverse order of creation).</summary>
    public void Dispose() => Release();

    private static void Release() => LogProvider.SetLogProvider(NullLoggerFactory.Instance);
}
