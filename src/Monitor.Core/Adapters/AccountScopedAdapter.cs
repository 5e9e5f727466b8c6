using Monitor.Core.Accounts;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters;

/// <summary>Runs an adapter's fetch and verification inside <see cref="FetchContext"/>, so the HTTP handlers know whose exchange they carry.</summary>
internal sealed class AccountScopedAdapter(IPlatformAdapter inner) : IPlatformAdapter
{
    public string Platform => inner.Platform;

    public AdapterCapabilities Capabilities => inner.Capabilities;

    public string? ValidateHandle(string handle) => inner.ValidateHandle(handle);

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        using var context = FetchContext.Enter(request.Account);
        return await inner.FetchAsync(request, cancellationToken);
    }

    // Forwarded explicitly: the interface's default VerifyAsync would run a whole fetch instead of the adapter's one cheap call.
    public async Task<FetchResult> VerifyAsync(TrackedAccount account, PollCursor cursor, CancellationToken cancellationToken)
    {
        using var context = FetchContext.Enter(account);
        return await inner.VerifyAsync(account, cursor, cancellationToken);
    }
}
