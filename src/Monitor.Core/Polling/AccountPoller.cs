using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;
using Monitor.Core.Archive;
using Monitor.Core.Diagnostics;
using Monitor.Core.Languages;
using Monitor.Core.Polling.Budgets;
using Monitor.Core.Storage;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Monitor.Core.Polling;

/// <summary>Polls one claimed account: fetch through its adapter, then record posts, snapshot and next poll in one write.</summary>
internal sealed class AccountPoller(
    AdapterRegistry adapters,
    IAccountStore accounts,
    IPollResultStore results,
    NextPollCalculator calculator,
    RequestBudgetTracker budgets,
    SecretRedactor redactor,
    ICaptureArchive archive,
    PostLanguageDetector languages,
    IOptions<PollingOptions> options,
    TimeProvider time,
    ILogger<AccountPoller> logger)
{
    /// <summary>
    /// Polls the account. Failures of the fetch become the snapshot's status; a failed write leaves the cursor where
    /// it was. Cancellation (shutdown) abandons the fetch and gives the lease back; a write already started completes.
    /// </summary>
    public async Task<AccountPollSummary> PollAsync(AccountLease lease, CancellationToken cancellationToken)
    {
        var account = lease.Account;
        var capturedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        FetchResult result;
        FetchRequest? request;
        using var capture = archive.BeginPoll(); // [archive hook] collects this poll's WARC records

        // [budget hook] A spent budget defers the poll to its reset, stored as a rateLimited snapshot like any other;
        // the deferral is no failure of the source, so it neither counts as one nor backs off past the reset.
        var budget = budgets.Reserve(account);
        await using (var renewal = new LeaseRenewal(accounts, lease, options.Value.LeaseDuration, time, logger))
        {
            using var meter = RequestMeter.Begin();
            try
            {
                (result, request) = budget.Refused
                    ? (FetchResult.Failed(PollStatus.RateLimited, budget.Refusal!, retryAfter: budget.ResetsAt), null)
                    : await FetchAsync(lease, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Log.PollAbandoned(logger, account.Id);
                await accounts.ReleaseAsync(lease, CancellationToken.None);
                throw;
            }
            finally
            {
                budgets.Settle(budget, meter.Cost); // an abandoned poll's requests were sent all the same
            }
        }

        result = result with { Error = redactor.Redact(result.Error) };
        if (result.Posts.Count > 0)
        {
            // [language hook] Only posts the platform gave no language and the store does not hold yet are detected.
            result = result with { Posts = languages.Apply(result.Posts, request?.RecentPosts ?? []) };
        }

        var duration = time.GetElapsedTime(started);
        var failures = result.Status.IsSuccess() ? 0 : lease.State.ConsecutiveFailures + (budget.Refused ? 0 : 1);
        var now = time.GetUtcNow();
        var storedInWeek = request is not null && NextPollCalculator.NeedsStoredCount(request, options.Value.RecentPostWindow, now)
            ? await CountStoredInWeekAsync(account.Id, now)
            : null;
        var weeklyPosts = request is null ? null : NextPollCalculator.EstimateWeeklyPosts(request, result, options.Value.RecentPostWindow, now, storedInWeek);
        var nextPollAt = budget.ResetsAt ?? calculator.Compute(result, failures, now, Random.Shared.NextDouble(), weeklyPosts,
            await budgets.MinimumIntervalAsync(account, CancellationToken.None));
        if (result.PlatformWide && result.RetryAfter is { } until)
        {
            Log.PlatformDeferred(logger, account.Platform, until);
            await accounts.DeferPlatformAsync(account.Platform, until, CancellationToken.None);
        }

        // [archive hook] Captures are durable before the poll is stored: a crash may leave a capture without a
        // version, never a version without its capture. The last response record names the versions' capture: a
        // paged poll's posts arrive over several responses, and the last one closes the exchange that produced them.
        await capture.FlushAsync(CancellationToken.None);

        // The write is not cancelled: a fetched result is stored whole or not at all, even during shutdown.
        var written = await results.RecordPollAsync(
            new PollRecord(lease, capturedAt, result, duration, nextPollAt, failures, options.Value.DeletionConfirmations,
                capture.LastResponseRecordId), CancellationToken.None);
        if (written.LeaseLost)
        {
            Log.LeaseLost(logger, account.Id);
        }

        Report(account.Id, account.Platform, result, written, nextPollAt, duration);
        return new AccountPollSummary(account.Id, account.Platform, result.Status, result.HttpStatus,
            written.NewPosts, result.Posts.Count, written.EditedPosts, written.DeletedPosts, duration, result.Error);
    }

    /// <summary>The adapter's result, and the request it was given (null when none was built) for the weekly post count.</summary>
    private async Task<(FetchResult Result, FetchRequest? Request)> FetchAsync(AccountLease lease, CancellationToken cancellationToken)
    {
        var account = lease.Account;
        if (!adapters.TryGet(account.Platform, out var adapter))
        {
            return (FetchResult.Failed(PollStatus.Error, $"No adapter is registered for platform '{account.Platform}'."), null);
        }

        FetchRequest? request = null;

        try
        {
            var recent = options.Value.RecentPostWindow > 0
                ? await results.GetRecentPostsAsync(account.Id, options.Value.RecentPostWindow, cancellationToken)
                : [];
            request = new FetchRequest(account, lease.State.Cursor, lease.State.IsFirstPoll, options.Value.BackfillSince, recent);
            return (await adapter.FetchAsync(request, cancellationToken), request);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (PayloadFormatException ex)
        {
            return (FetchResult.Failed(PollStatus.Error, ex.Message), request);
        }
        catch (BrokenCircuitException ex)
        {
            // Polly carries the exception that opened the circuit as the inner exception; an open circuit caused by
            // error responses (5xx) has none.
            var cause = ex.InnerException is { } first ? Resilience.TransientHttpFailure.Describe(first) : "repeated error responses";
            return (FetchResult.Failed(PollStatus.Error, $"host rested after repeated failures: {cause}"), request);
        }
        catch (TimeoutRejectedException ex)
        {
            return (FetchResult.Failed(PollStatus.Error, $"Timed out after {ex.Timeout}."), request);
        }
        catch (OperationCanceledException)
        {
            return (FetchResult.Failed(PollStatus.Error, "The request timed out."), request);
        }
        catch (HttpRequestException ex)
        {
            return (FetchResult.Failed(PollStatus.Error, ex.HttpRequestError == HttpRequestError.Unknown
                ? ex.Message
                : $"{ex.HttpRequestError}: {ex.Message}"), request);
        }
        catch (Exception ex)
        {
            Log.AdapterCrashed(logger, ex, account.Id, account.Platform);
            return (FetchResult.Failed(PollStatus.Error, $"{ex.GetType().Name}: {ex.Message}"), request);
        }
    }

    /// <summary>The week's stored posts for a busy account's next-poll interval; null (extrapolate instead) if the store cannot say.</summary>
    private async Task<int?> CountStoredInWeekAsync(string accountId, DateTimeOffset now)
    {
        try
        {
            return await results.CountPostsSinceAsync(accountId, now - TimeSpan.FromDays(7), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return null;
        }
    }

    private void Report(string accountId, string platform, FetchResult result, PollWriteResult written, DateTimeOffset nextPollAt, TimeSpan duration)
    {
        var status = result.Status.ToWireName();
        MonitorMetrics.Polls.Add(1, new("platform", platform), new("status", status));
        MonitorMetrics.PollDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("platform", platform));
        if (written.NewPosts > 0)
        {
            MonitorMetrics.PostsIngested.Add(written.NewPosts, new KeyValuePair<string, object?>("platform", platform));
        }

        if (result.Status.IsSuccess())
        {
            Log.AccountPolled(logger, accountId, platform, status, written.NewPosts, result.Posts.Count, nextPollAt);
        }
        else
        {
            Log.AccountPollFailed(logger, accountId, platform, status, result.Error, nextPollAt);
        }
    }
}

/// <summary>One account's poll as the cycle reports it.</summary>
public sealed record AccountPollSummary(
    string AccountId,
    string Platform,
    PollStatus Status,
    int? HttpStatus,
    int NewPosts,
    int SeenPosts,
    int EditedPosts,
    int DeletedPosts,
    TimeSpan Duration,
    string? Error);
