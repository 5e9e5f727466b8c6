using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Accounts;
using Monitor.Core.Storage;

namespace Monitor.Worker.Hosting;

/// <summary>
/// Runs before the scheduler starts: creates or migrates the store, loads and validates the account list (refusing
/// to start on any error, listing them all), and syncs the list into the store.
/// </summary>
internal sealed partial class MonitorStartup(
    IStorageLifecycle storage,
    IAccountStore accounts,
    AccountListLoader loader,
    TimeProvider time,
    ILogger<MonitorStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var list = loader.Load();
        if (!list.IsValid)
        {
            throw new AccountListException(list.Errors);
        }

        await storage.InitializeAsync(cancellationToken);
        await accounts.SyncAccountsAsync(list.Accounts, time.GetUtcNow(), cancellationToken);
        LogStarted(logger, list.Accounts.Count, list.Accounts.Count(a => a.Enabled));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(1300, LogLevel.Information, "Tracking {Count} accounts ({Enabled} enabled)")]
    private static partial void LogStarted(ILogger logger, int count, int enabled);
}

/// <summary>The configured account list has errors; every one is listed.</summary>
internal sealed class AccountListException(IReadOnlyList<string> errors)
    : Exception($"The account list is invalid ({errors.Count} error(s)):{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
