using Monitor.Core.Adapters;
using Monitor.Core.Posts;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Activity;

/// <summary>
/// Records polls into the test database as the SQLite store does (posts deduplicated by id, one snapshot per poll,
/// the account's last status), and into the history's captured lists for the independent expectation.
/// At merge this is replaced by the real SQLite store (IPollResultStore), with the same assertions.
/// </summary>
internal sealed class SimulatedPollStore(ActivityTestDatabase database, GroundTruthHistory history) : IPollResultStore
{
    private readonly HashSet<string> stored = new(StringComparer.Ordinal);

    public Dictionary<string, DateTimeOffset> NextPollAt { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DateTimeOffset> LastPollAt { get; } = new(StringComparer.Ordinal);

    public Task<PollWriteResult> RecordPollAsync(PollRecord record, CancellationToken cancellationToken)
    {
        var account = record.Lease.Account;
        var result = record.Result;
        var newPosts = 0;
        database.InTransaction(() =>
        {
            foreach (var post in result.Posts.Where(p => stored.Add(p.PostId)))
            {
                database.AddPost(account, post.PostId, post.PublishedAt, post.Kind, record.CapturedAt);
                history.Captured.Add(history.Truth.Single(t => t.PostId == post.PostId));
                newPosts++;
            }

            database.AddSnapshot(account, record.CapturedAt, result.Profile?.Followers, result.Profile?.PostsTotal, result.Status.ToWireName());
            database.Execute("UPDATE accounts SET last_status = $1 WHERE id = $2", result.Status.ToWireName(), account.Id);
        });
        if (result.Profile?.Followers is { } followers)
        {
            history.Snapshots.Add((account.Id, record.CapturedAt, followers, result.Profile.PostsTotal ?? 0));
        }

        NextPollAt[account.Id] = record.NextPollAt;
        LastPollAt[account.Id] = record.CapturedAt;
        var snapshot = new ActivitySnapshot(account.Id, account.Platform, record.CapturedAt, result.Status, result.HttpStatus, newPosts,
            result.Posts.Count, result.Profile?.Followers, null, result.Profile?.PostsTotal, null, 0, result.Error);
        return Task.FromResult(new PollWriteResult(newPosts, 0, 0, snapshot));
    }

    public Task<IReadOnlyList<KnownPost>> GetRecentPostsAsync(string accountId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<KnownPost>>(history.Captured.Where(p => p.AccountId == accountId)
            .OrderByDescending(p => p.PublishedAt).Take(limit).Select(p => new KnownPost(p.PostId, p.PublishedAt)).ToArray());
}
