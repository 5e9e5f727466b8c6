using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Monitor.Worker.Cli;

/// <summary>Resolves one stored account through its adapter's <see cref="IPlatformAdapter.VerifyAsync"/>, never throwing for the platform's faults.</summary>
internal static class AccountVerification
{
    public static async Task<FetchResult> VerifyAsync(
        AdapterRegistry adapters, SecretRedactor redactor, AccountRecord record, PollCursor cursor, CancellationToken cancellationToken)
    {
        var account = record.Account;
        if (!adapters.TryGet(account.Platform, out var adapter))
        {
            return FetchResult.Failed(PollStatus.Error, $"No adapter is registered for platform '{account.Platform}'.");
        }

        FetchResult result;
        try
        {
            result = await adapter.VerifyAsync(account, cursor, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is PayloadFormatException or HttpRequestException or BrokenCircuitException
            or TimeoutRejectedException or OperationCanceledException)
        {
            result = FetchResult.Failed(PollStatus.Error, ex.Message);
        }

        return result with { Error = redactor.Redact(result.Error) };
    }

    /// <summary>The verdict <c>accounts verify</c> prints: a poll that answers (200 or 304) is <c>ok</c>.</summary>
    public static string Verdict(PollStatus status) => status is PollStatus.Ok or PollStatus.NotModified ? "ok" : status.ToWireName();

    /// <summary>The identity column: stable id, and the current handle when the platform named one.</summary>
    public static string? Describe(AccountIdentity? identity) =>
        identity is null ? null : identity.CurrentHandle is { } handle ? $"{identity.StableId} ({handle})" : identity.StableId;
}
