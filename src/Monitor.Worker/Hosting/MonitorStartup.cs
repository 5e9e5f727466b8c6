using Microsoft.Extensions.Hosting;

namespace Monitor.Worker.Hosting;

/// <summary>
/// Runs before the scheduler starts. The account list was validated when the host was built (an invalid list never
/// starts). A command needs the store now and fails if it is unreachable; the service logs and keeps running, and the
/// poll job retries the store before each cycle.
/// </summary>
internal sealed class MonitorStartup(StoreInitializer initializer, HostMode mode) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (mode == HostMode.Command)
        {
            await initializer.InitializeAsync(cancellationToken);
        }
        else
        {
            await initializer.TryInitializeAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The configured account list has errors; every one is listed.</summary>
internal sealed class AccountListException(IReadOnlyList<string> errors)
    : Exception($"The account list is invalid ({errors.Count} error(s)):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
