using Monitor.Core.Accounts;

namespace Monitor.Core.Adapters;

/// <summary>One account's poll, as handed to its adapter.</summary>
/// <param name="Account">The account to fetch.</param>
/// <param name="Cursor">The cursor persisted by the last successful poll (<see cref="PollCursor.Empty"/> at first).</param>
/// <param name="IsFirstPoll">True until a poll of this account has succeeded: the adapter backfills history.</param>
/// <param name="BackfillSince">On a first poll, how far back to page (<c>Monitor:Polling:BackfillSince</c>); null: the platform's page cap.</param>
/// <param name="RecentPosts">The newest stored, not deleted posts of the account, newest first, for stop conditions and deletion checks.</param>
public sealed record FetchRequest(
    TrackedAccount Account,
    PollCursor Cursor,
    bool IsFirstPoll,
    DateTimeOffset? BackfillSince,
    IReadOnlyList<KnownPost> RecentPosts);

/// <summary>A post the store already holds.</summary>
public sealed record KnownPost(string PostId, DateTimeOffset PublishedAt);
