using Microsoft.Extensions.Hosting;
using Monitor.Core.Polling;

namespace Monitor.Worker.Jobs;

/// <summary>At service stop, abandons the pool's in-flight polls (each gives its lease back) and waits for them.</summary>
internal sealed class PollPoolShutdown(PollCycle pool) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => pool.StopAsync().WaitAsync(cancellationToken);
}
