using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Monitor.Core.Polling;

namespace Monitor.Worker.Jobs;

/// <summary>
/// At service stop, abandons the pool's in-flight polls (each gives its lease back) and waits for them. The pool is
/// resolved only then, so building the hosted services never reads options before start-up validation reports them.
/// </summary>
internal sealed class PollPoolShutdown(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) =>
        services.GetRequiredService<PollCycle>().StopAsync().WaitAsync(cancellationToken);
}
