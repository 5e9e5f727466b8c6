using Microsoft.Extensions.Logging;
using Monitor.Core.Accounts;
using Monitor.Core.Polling;
using Monitor.Core.Storage;

namespace Monitor.Worker.Hosting;

/// <summary>
/// Brings the store up once: creates or migrates the schema and syncs the validated account list into it. The service
/// retries this before each poll cycle while the store is unreachable, so a worker started before its database keeps
/// running and catches up when the database appears.
/// </summary>
internal sealed partial class StoreInitializer(
    IStorageLifecycle storage,
    IAccountStore accounts,
    AccountList accountList,
    TimeProvider time,
    ILogger<StoreInitializer> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool initialized;

    public bool IsInitialized => initialized;

    /// <exception cref="StoreUnavailableException">The store could not be initialised.</exception>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (initialized)
        {
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (initialized)
            {
                return;
            }

            try
            {
                await storage.InitializeAsync(cancellationToken);
                await accounts.SyncAccountsAsync(accountList.Accounts, time.GetUtcNow(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new StoreUnavailableException(
                    ex is StoreNotReadyException ? ex.Message : "The store could not be opened: " + ex.Message, ex);
            }

            initialized = true;
            LogReady(logger, accountList.Accounts.Count, accountList.Accounts.Count(a => a.Enabled));
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Initialises if needed; false (logged) while the store is unreachable.</summary>
    public async Task<bool> TryInitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await InitializeAsync(cancellationToken);
            return true;
        }
        catch (StoreUnavailableException ex)
        {
            LogUnavailable(logger, ex.InnerException?.Message ?? ex.Message);
            return false;
        }
    }

    [LoggerMessage(1300, LogLevel.Information, "Tracking {Count} accounts ({Enabled} enabled)")]
    private static partial void LogReady(ILogger logger, int count, int enabled);

    [LoggerMessage(1301, LogLevel.Error, "The store is unavailable ({Reason}); polling waits and retries at the next cycle")]
    private static partial void LogUnavailable(ILogger logger, string reason);
}
