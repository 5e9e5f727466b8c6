using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Core.Polling;

/// <summary>
/// One poll cycle: claims due accounts from the store as slots free up and polls them with bounded concurrency
/// (globally, per platform and per host). Claims go through the store's lease, so several workers can share one store.
/// </summary>
internal sealed class PollCycle
{
    private readonly IAccountStore accounts;
    private readonly AccountPoller poller;
    private readonly PlatformConcurrency platforms;
    private readonly PollingOptions options;
    private readonly WorkerIdentity identity;
    private readonly PollCycleState state;
    private readonly TimeProvider time;
    private readonly ILogger<PollCycle> logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> hostSlots = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> platformSlots = new(StringComparer.Ordinal);

    public PollCycle(
        IAccountStore accounts,
        AccountPoller poller,
        PlatformConcurrency platforms,
        IOptions<PollingOptions> options,
        WorkerIdentity identity,
        PollCycleState state,
        TimeProvider time,
        ILogger<PollCycle> logger)
    {
        this.accounts = accounts;
        this.poller = poller;
        this.platforms = platforms;
        this.options = options.Value;
        this.identity = identity;
        this.state = state;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Polls every due account (or, with <see cref="CycleRequest.IgnoreSchedule"/>, every enabled one) once.</summary>
    /// <exception cref="StoreUnavailableException">The store could not be reached to claim accounts.</exception>
    public async Task<CycleSummary> RunAsync(CycleRequest request, CancellationToken cancellationToken)
    {
        var cycleStart = time.GetUtcNow();
        var started = time.GetTimestamp();
        state.MarkStarted(cycleStart);
        Log.CycleStarted(logger, identity.Owner);
        var polls = new ConcurrentBag<AccountPollSummary>();
        var running = new HashSet<Task>();
        var pending = new Queue<AccountLease>();
        var exhausted = false;
        try
        {
            while (true)
            {
                while (running.Count < options.MaxConcurrency && pending.TryDequeue(out var lease))
                {
                    running.Add(PollOneAsync(lease, polls, cancellationToken));
                }

                // Claim a batch when a slot is free and nothing is queued: one store round trip per MaxConcurrency
                // accounts instead of one per finished poll. The batch is small, so its leases wait seconds, not minutes.
                if (!exhausted && pending.Count == 0 && running.Count < options.MaxConcurrency)
                {
                    var leases = await ClaimAsync(request, cycleStart, options.MaxConcurrency, cancellationToken);
                    exhausted = leases.Count == 0;
                    foreach (var lease in leases)
                    {
                        pending.Enqueue(lease);
                    }

                    continue;
                }

                if (running.Count == 0)
                {
                    break;
                }

                running.Remove(await Task.WhenAny(running));
            }
        }
        finally
        {
            // On cancellation let the in-flight polls finish or abandon cleanly, and give back claimed leases not started.
            await Task.WhenAll(running).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await ReleaseAsync(pending);
        }

        var summary = new CycleSummary(cycleStart, time.GetElapsedTime(started), polls.OrderBy(p => p.AccountId, StringComparer.Ordinal).ToArray());
        state.MarkFinished(time.GetUtcNow(), summary);
        Log.CycleFinished(logger, summary.Polls.Count, summary.Failed, summary.NewPosts, summary.Elapsed);
        return summary;
    }

    private async Task ReleaseAsync(IEnumerable<AccountLease> leases)
    {
        foreach (var lease in leases)
        {
            try
            {
                await accounts.ReleaseAsync(lease, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.LeaseReleaseFailed(logger, ex, lease.Account.Id);
            }
        }
    }

    private async Task<IReadOnlyList<AccountLease>> ClaimAsync(CycleRequest request, DateTimeOffset cycleStart, int count, CancellationToken cancellationToken)
    {
        try
        {
            return await accounts.ClaimDueAsync(
                new ClaimRequest(identity.Owner, time.GetUtcNow(), options.LeaseDuration, count, request.IgnoreSchedule, request.AccountId, cycleStart),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CycleStoreUnavailable(logger, ex);
            throw new StoreUnavailableException("The store could not be reached to claim accounts: " + ex.Message, ex);
        }
    }

    private async Task PollOneAsync(AccountLease lease, ConcurrentBag<AccountPollSummary> polls, CancellationToken cancellationToken)
    {
        await Task.Yield();
        var platformSlot = platformSlots.GetOrAdd(lease.Account.Platform, _ => new SemaphoreSlim(PlatformLimit(lease.Account.Platform)));
        var hostSlot = hostSlots.GetOrAdd(HostKey(lease), _ => new SemaphoreSlim(options.MaxConcurrencyPerHost));
        try
        {
            await platformSlot.WaitAsync(cancellationToken);
            try
            {
                await hostSlot.WaitAsync(cancellationToken);
                try
                {
                    polls.Add(await poller.PollAsync(lease, cancellationToken));
                }
                finally
                {
                    hostSlot.Release();
                }
            }
            finally
            {
                platformSlot.Release();
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await accounts.ReleaseAsync(lease, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // The write failed (store down, disk full): nothing was kept, the lease expires, the next cycle retries.
            Log.RecordPollFailed(logger, ex, lease.Account.Id);
            polls.Add(new AccountPollSummary(lease.Account.Id, lease.Account.Platform, PollStatus.Error, null, 0, 0, 0, 0,
                TimeSpan.Zero, "Storing the poll failed: " + ex.Message));
        }
    }

    private int PlatformLimit(string platform) => platforms.LimitFor(platform, options.MaxConcurrency);

    private static string HostKey(AccountLease lease) =>
        Uri.TryCreate(lease.Account.Handle, UriKind.Absolute, out var uri) && uri.Host.Length > 0
            ? uri.Authority
            : lease.Account.Platform;
}

/// <summary>What a cycle should poll.</summary>
/// <param name="IgnoreSchedule">Poll every enabled account now, due or not (<c>ingest --once</c>).</param>
/// <param name="AccountId">Poll only this account.</param>
public sealed record CycleRequest(bool IgnoreSchedule = false, string? AccountId = null);

/// <summary>What a cycle did.</summary>
public sealed record CycleSummary(DateTimeOffset StartedAt, TimeSpan Elapsed, IReadOnlyList<AccountPollSummary> Polls)
{
    public int Failed => Polls.Count(p => !p.Status.IsSuccess());

    public int NewPosts => Polls.Sum(p => p.NewPosts);
}

/// <summary>The store could not be reached; the cycle stopped without changing any cursor.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
