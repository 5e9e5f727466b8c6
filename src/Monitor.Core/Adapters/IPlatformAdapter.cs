using Monitor.Core.Accounts;

namespace Monitor.Core.Adapters;

/// <summary>
/// Fetches one account's public posts from one platform. Adapters are stateless: everything they need to
/// continue where the last poll stopped arrives in <see cref="FetchRequest.Cursor"/>, and what they learn goes back
/// in <see cref="FetchResult.Cursor"/>, which the poller persists only after the posts are durably stored.
/// </summary>
/// <remarks>
/// Expected failures (HTTP errors, rate limits, unknown accounts, malformed payloads) are returned as a
/// <see cref="FetchResult"/> with the matching <see cref="PollStatus"/>, or thrown as <see cref="PayloadFormatException"/>
/// for bodies that cannot be parsed. Anything else thrown is recorded as an error for that account only.
/// </remarks>
public interface IPlatformAdapter
{
    /// <summary>The platform key this adapter serves (see <see cref="Accounts.Platforms"/>).</summary>
    string Platform { get; }

    /// <summary>What the adapter can do, shown by <c>accounts list</c> and the README.</summary>
    AdapterCapabilities Capabilities { get; }

    /// <summary>Checks a handle's syntax without network access. Returns an error message, or null when valid.</summary>
    string? ValidateHandle(string handle);

    /// <summary>Fetches posts newer than the cursor (or the first-poll backfill) for one account.</summary>
    Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Resolves the account without reading its posts (<c>accounts verify</c>): one cheap call, a profile lookup where the
    /// platform has one. The result carries the status (<see cref="PollStatus.Ok"/>, <see cref="PollStatus.Renamed"/>,
    /// <see cref="PollStatus.IdentityChanged"/>, <see cref="PollStatus.NotFound"/>, ...) and the <see cref="FetchResult.Identity"/>
    /// seen, judged against <paramref name="cursor"/>'s stable id; it never has posts and is never stored.
    /// </summary>
    /// <remarks>The default is one conditional poll (a feed's GET with its stored validators) with the posts dropped.</remarks>
    async Task<FetchResult> VerifyAsync(TrackedAccount account, PollCursor cursor, CancellationToken cancellationToken)
    {
        var result = await FetchAsync(new FetchRequest(account, cursor, IsFirstPoll: false, BackfillSince: null, RecentPosts: []), cancellationToken);
        return result with { Posts = [], Deletions = [] };
    }
}
