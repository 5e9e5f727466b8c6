using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>
/// Looks up the newest stored posts with <c>app.bsky.feed.getPosts</c> (up to 25 URIs per call, per its lexicon):
/// a URI missing from the answer is a deleted post; the posts returned come back with current counts.
/// </summary>
internal sealed class BlueskyDeletionCheck(BlueskyApi api, int checksPerPoll, string accountKey, ILogger logger)
{
    private const int UrisPerRequest = 25;

    public async Task<BlueskyDeletionCheckResult> CheckAsync(string did, IEnumerable<KnownPost> candidates, CancellationToken cancellationToken)
    {
        // Only the account's own posts can be looked up; repost ids name repost records, which getPosts does not return.
        var prefix = $"at://{did}/app.bsky.feed.post/";
        var uris = candidates.Select(p => p.PostId).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Take(checksPerPoll).ToList();
        var deleted = new List<string>();
        var current = new List<Post>();
        foreach (var batch in uris.Chunk(UrisPerRequest))
        {
            var response = await api.QueryAsync("app.bsky.feed.getPosts", batch.Select(uri => ("uris", uri)),
                BlueskyJsonContext.Default.BlueskyPosts, cancellationToken);
            if (response.Failure is { } failure)
            {
                return new BlueskyDeletionCheckResult(deleted, current, failure.RetryAfter);
            }

            var found = (response.Value!.Posts ?? []).Select(BlueskyPostMapper.ToPost).ToList();
            // An empty answer for several posts is more likely an AppView hiding the author than a mass deletion.
            if (found.Count == 0 && batch.Length > 1)
            {
                Log.BlueskyDeletionCheckInconclusive(logger, accountKey, batch.Length);
                continue;
            }

            var present = found.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
            deleted.AddRange(batch.Where(uri => !present.Contains(uri)));
            current.AddRange(found);
            if (response.Limit.Exhausted)
            {
                return new BlueskyDeletionCheckResult(deleted, current, response.Limit.Reset);
            }
        }

        return new BlueskyDeletionCheckResult(deleted, current, null);
    }
}

/// <summary>URIs found deleted, posts re-read, and when the rate limit reopens if the checks used it up.</summary>
internal sealed record BlueskyDeletionCheckResult(List<string> Deleted, List<Post> Current, DateTimeOffset? DeferUntil);
