using Monitor.Core.Accounts;

namespace Monitor.Core.Http;

/// <summary>
/// The account whose fetch is running on this async flow, so the HTTP handlers below an adapter know whose exchange
/// they carry (which origins the operator listed, which account a capture belongs to).
/// </summary>
public static class FetchContext
{
    private static readonly AsyncLocal<TrackedAccount?> CurrentAccount = new();

    /// <summary>The account being fetched, or null outside an adapter's fetch.</summary>
    public static TrackedAccount? Account => CurrentAccount.Value;

    /// <summary>Marks the rest of this async flow as fetching <paramref name="account"/>; dispose to leave.</summary>
    public static IDisposable Enter(TrackedAccount account)
    {
        var previous = CurrentAccount.Value;
        CurrentAccount.Value = account;
        return new Exit(previous);
    }

    private sealed class Exit(TrackedAccount? previous) : IDisposable
    {
        public void Dispose() => CurrentAccount.Value = previous;
    }
}
