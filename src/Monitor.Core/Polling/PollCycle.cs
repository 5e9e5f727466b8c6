using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Core.Polling;

/// <summary>
/// The bounded pool of polls, fed from the store as slots free (as Miniflux's worker pool is fed by its scheduler):
/// at most <see cref="PollingOptions.MaxConcurrency"/> polls run at once, at most <see cref="PollingOptions.MaxConcurrencyPerHost"/>
/// per host and the platform's limit per platform, and a claim only takes accounts that can start at once — none waits
/// in a local queue while its lease ages. A slow host holds only its own slots. In the service, <see cref="HeartbeatAsync"/>
/// (the Quartz job) tops the pool up and every finished poll refills its slot at once; <see cref="RunAsync"/> polls a
/// selection to completion (<c>ingest --once</c>).
/// </summary>
internal sealed class PollCycle : IAsyncDisposable
{
    private readonly IAccountStore accounts;
    private readonly AccountPoller poller;
    private readonly PlatformConcurrency platforms;
    private readonly PollingOptions options;
    private readonly WorkerIdentity identity;
    private readonly PollCycleState state;
    private readonly TimeProvider time;
    private readonly ILogger<PollCycle> logger;
    private readonly Lock gate = new();
    private readonly Dictionary<string, int> byHost = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> byPlatform = new(StringComparer.Ordinal);
    private readonly HashSet<Task> service = [];
    private readonly SemaphoreSlim fillGate = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private ConcurrentQueue<AccountPollSummary> finishedSinceHeartbeat = new();
    private int running;

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

    /// <summary>Polls currently running in this process.</summary>
    public int Running => Volatile.Read(ref running);

    /// <summary>
    /// Polls every due account (or, with <see cref="CycleRequest.IgnoreSchedule"/>, every enabled one) once, starting
    /// each as soon as a slot for it is free, and returns when all have finished.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store could not be reached to claim accounts.</exception>
    public async Task<CycleSummary> RunAsync(CycleRequest request, CancellationToken cancellationToken)
    {
        var cycleStart = time.GetUtcNow();
        var started = time.GetTimestamp();
        state.MarkStarted(cycleStart);
        Log.CycleStarted(logger, identity.Owner);
        var polls = new ConcurrentBag<AccountPollSummary>();
        var mine = new HashSet<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var leases = await ClaimAsync(request, cycleStart, cancellationToken);
                foreach (var lease in leases)
                {
                    mine.Add(StartPoll(lease, polls.Add, cancellationToken));
                }

                if (mine.Count == 0)
                {
                    break;
                }

                // Claim again when a slot frees (a finished poll may also unblock its host) or straight away when the
                // claim filled what was free and more may be due. Claims come in batches of a quarter of the pool:
                // one store round trip per few finished polls, not per poll.
                if (leases.Count == 0 || Running >= options.MaxConcurrency)
                {
                    do
                    {
                        mine.Remove(await Task.WhenAny(mine));
                    }
                    while (mine.Count > 0 && options.MaxConcurrency - Running < ClaimBatch);
                }
            }
        }
        finally
        {
            // On cancellation let the in-flight polls finish or abandon cleanly (each gives its lease back).
            await Task.WhenAll(mine).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        var summary = new CycleSummary(cycleStart, time.GetElapsedTime(started), polls.OrderBy(p => p.AccountId, StringComparer.Ordinal).ToArray());
        state.MarkFinished(time.GetUtcNow(), summary);
        Log.CycleFinished(logger, summary.Polls.Count, summary.Failed, summary.NewPosts, summary.Elapsed);
        return summary;
    }

    /// <summary>
    /// The service's heartbeat: fills the pool's free slots with due accounts (polls keep refilling their own slots as
    /// they finish) and reports what finished since the last heartbeat. Returns without waiting for the polls.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store could not be reached to claim accounts.</exception>
    public async Task<CycleSummary> HeartbeatAsync(CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        state.MarkStarted(at);
        await FillAsync(cancellationToken);
        var finished = Interlocked.Exchange(ref finishedSinceHeartbeat, new ConcurrentQueue<AccountPollSummary>()).ToArray();
        var summary = new CycleSummary(at, time.GetUtcNow() - at, finished.OrderBy(p => p.AccountId, StringComparer.Ordinal).ToArray());
        state.MarkFinished(time.GetUtcNow(), summary);
        if (finished.Length > 0)
        {
            Log.HeartbeatBusy(logger, finished.Length, summary.Failed, summary.NewPosts, Running);
        }
        else
        {
            Log.HeartbeatIdle(logger, Running);
        }

        return summary;
    }

    /// <summary>Stops the service's polls: in-flight fetches are abandoned and their leases given back.</summary>
    public async Task StopAsync()
    {
        await stopping.CancelAsync();
        Task[] inFlight;
        lock (gate)
        {
            inFlight = [.. service];
        }

        await Task.WhenAll(inFlight).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stopping.Dispose();
        fillGate.Dispose();
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        await fillGate.WaitAsync(cancellationToken);
        try
        {
            // One claim takes everything that can start now; finished polls refill their slots.
            if (!stopping.IsCancellationRequested && Running < options.MaxConcurrency)
            {
                var leases = await ClaimAsync(new CycleRequest(), null, cancellationToken);
                foreach (var lease in leases)
                {
                    var poll = StartPoll(lease, finishedSinceHeartbeat.Enqueue, stopping.Token);
                    lock (gate)
                    {
                        service.Add(poll);
                    }

                    _ = poll.ContinueWith(done => OnServicePollFinished(done), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            fillGate.Release();
        }
    }

    private void OnServicePollFinished(Task poll)
    {
        lock (gate)
        {
            service.Remove(poll);
        }

        if (!stopping.IsCancellationRequested && (options.MaxConcurrency - Running >= ClaimBatch || Running == 0))
        {
            _ = RefillAsync();
        }
    }

    private async Task RefillAsync()
    {
        try
        {
            await FillAsync(stopping.Token);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (StoreUnavailableException)
        {
            // Logged by the claim; the next heartbeat tries again.
        }
        catch (Exception ex)
        {
            Log.RefillFailed(logger, ex);
        }
    }

    /// <summary>Claims as many accounts as there are free slots, each only if its host and platform have room now.</summary>
    private async Task<IReadOnlyList<AccountLease>> ClaimAsync(CycleRequest request, DateTimeOffset? runStart, CancellationToken cancellationToken)
    {
        Dictionary<string, int> hosts, perPlatform;
        int free;
        lock (gate)
        {
            free = options.MaxConcurrency - running;
            hosts = new Dictionary<string, int>(byHost, StringComparer.OrdinalIgnoreCase);
            perPlatform = new Dictionary<string, int>(byPlatform, StringComparer.Ordinal);
        }

        if (free <= 0)
        {
            return [];
        }

        // The store skips the accounts of full platforms; a platform that fills during the claim is added at once.
        var fullPlatforms = perPlatform.Where(p => p.Value >= PlatformLimit(p.Key)).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);

        bool CanStart(TrackedAccount account)
        {
            var host = HostKey.Of(account);
            if (hosts.GetValueOrDefault(host) >= options.MaxConcurrencyPerHost
                || perPlatform.GetValueOrDefault(account.Platform) >= PlatformLimit(account.Platform))
            {
                return false;
            }

            hosts[host] = hosts.GetValueOrDefault(host) + 1;
            var onPlatform = perPlatform[account.Platform] = perPlatform.GetValueOrDefault(account.Platform) + 1;
            if (onPlatform >= PlatformLimit(account.Platform))
            {
                fullPlatforms.Add(account.Platform);
            }

            return true;
        }

        try
        {
            return await accounts.ClaimDueAsync(
                new ClaimRequest(identity.Owner, time.GetUtcNow(), options.LeaseDuration, free, request.IgnoreSchedule, request.AccountId, runStart)
                {
                    CanStart = CanStart,
                    FullPlatforms = fullPlatforms,
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.CycleStoreUnavailable(logger, ex);
            throw new StoreUnavailableException("The store could not be reached to claim accounts: " + ex.Message, ex);
        }
    }

    private Task StartPoll(AccountLease lease, Action<AccountPollSummary> report, CancellationToken cancellationToken)
    {
        var host = HostKey.Of(lease.Account);
        var platform = lease.Account.Platform;
        lock (gate)
        {
            running++;
            byHost[host] = byHost.GetValueOrDefault(host) + 1;
            byPlatform[platform] = byPlatform.GetValueOrDefault(platform) + 1;
        }

        return PollOneAsync(lease, report, host, cancellationToken);
    }

    private async Task PollOneAsync(AccountLease lease, Action<AccountPollSummary> report, string host, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            report(await poller.PollAsync(lease, cancellationToken));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Abandoned: the poller gave the lease back.
        }
        catch (Exception ex)
        {
            // The write failed (store down, disk full): nothing was kept, the lease expires, a later claim retries.
            Log.RecordPollFailed(logger, ex, lease.Account.Id);
            report(new AccountPollSummary(lease.Account.Id, lease.Account.Platform, PollStatus.Error, null, 0, 0, 0, 0,
                TimeSpan.Zero, "Storing the poll failed: " + ex.Message));
        }
        finally
        {
            lock (gate)
            {
                running--;
                byHost[host]--;
                byPlatform[lease.Account.Platform]--;
            }
        }
    }

    /// <summary>Free slots worth a claim: a quarter of the pool (at least one).</summary>
    private int ClaimBatch => Math.Max(1, options.MaxConcurrency / 4);

    private int PlatformLimit(string platform) => platforms.LimitFor(platform, options.MaxConcurrency);
}

/// <summary>What a cycle should poll.</summary>
/// <param name="IgnoreSchedule">Poll every enabled account now, due or not (<c>ingest --once</c>).</param>
/// <param name="AccountId">Poll only this account.</param>
public sealed record CycleRequest(bool IgnoreSchedule = false, string? AccountId = null);

/// <summary>What a cycle (or, in the service, the polls finished since the last heartbeat) did.</summary>
public sealed record CycleSummary(DateTimeOffset StartedAt, TimeSpan Elapsed, IReadOnlyList<AccountPollSummary> Polls)
{
    public int Failed => Polls.Count(p => !p.Status.IsSuccess());

    public int NewPosts => Polls.Sum(p => p.NewPosts);
}

/// <summary>The store could not be reached; no cursor was changed.</summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
