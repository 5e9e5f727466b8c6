using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>
/// Looks up the newest stored posts with <c>app.bsky.feed.getPosts</c> (up to 25 URIs per call, per its lexicon); the
/// posts returned come back with current counts. A URI missing from the answer is then looked up alone with
/// <c>app.bsky.feed.getPostThread</c> (depth 0): its lexicon answers a deleted post with <c>#notFoundPost</c> or the
/// <c>NotFound</c> error, which is positive evidence. Beyond <see cref="BlueskyOptions.ThreadChecksPerPoll"/>, or when
/// the thread lookup says neither, the post is only absent (confirmed by repeated absence).
/// </summary>
internal sealed class BlueskyDeletionCheck(BlueskyApi api, BlueskyOptions options, string accountKey, ILogger logger)
{
    private const int UrisPerRequest = 25;
    private const string NotFoundPost = "app.bsky.feed.defs#notFoundPost";

    public async Task<BlueskyDeletionCheckResult> CheckAsync(string did, IEnumerable<KnownPost> candidates, CancellationToken cancellationToken)
    {
        // Only the account's own posts can be looked up; repost ids name repost records, which getPosts does not return.
        var prefix = $"at://{did}/app.bsky.feed.post/";
        var uris = candidates.Select(p => p.PostId).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Take(options.DeletionChecksPerPoll).ToList();
        var missing = new List<string>();
        var current = new List<Post>();
        foreach (var batch in uris.Chunk(UrisPerRequest))
        {
            var response = await api.QueryAsync("app.bsky.feed.getPosts", batch.Select(uri => ("uris", uri)),
                BlueskyJsonContext.Default.BlueskyPosts, cancellationToken);
            if (response.Failure is { } failure)
            {
                return new BlueskyDeletionCheckResult(Weak(missing), current, failure.RetryAfter);
            }

            var found = (response.Value!.Posts ?? []).Select(BlueskyPostMapper.ToPost).ToList();
            // An empty answer for several posts is more likely an AppView hiding the author than a mass deletion.
            if (found.Count == 0 && batch.Length > 1)
            {
                Log.BlueskyDeletionCheckInconclusive(logger, accountKey, batch.Length);
                continue;
            }

            var present = found.Select(p => p.PostId).ToHashSet(StringComparer.Ordinal);
            missing.AddRange(batch.Where(uri => !present.Contains(uri)));
            current.AddRange(found);
            if (response.Limit.Exhausted)
            {
                return new BlueskyDeletionCheckResult(Weak(missing), current, response.Limit.Reset);
            }
        }

        return await ConfirmAsync(missing, current, cancellationToken);
    }

    private async Task<BlueskyDeletionCheckResult> ConfirmAsync(List<string> missing, List<Post> current, CancellationToken cancellationToken)
    {
        var deletions = new List<PostDeletion>();
        for (var i = 0; i < missing.Count; i++)
        {
            if (i >= options.ThreadChecksPerPoll)
            {
                deletions.Add(new PostDeletion(missing[i], DeletionEvidence.Absent));
                continue;
            }

            var response = await api.QueryAsync("app.bsky.feed.getPostThread",
                [("uri", missing[i]), ("depth", "0"), ("parentHeight", "0")], BlueskyJsonContext.Default.BlueskyThread, cancellationToken);
            var thread = response.Value?.Thread;
            if (response.XrpcError == "NotFound" || thread?.Type == NotFoundPost)
            {
                deletions.Add(new PostDeletion(missing[i], DeletionEvidence.NotFound));
            }
            else if (thread?.Post is { } post && post.Uri == missing[i])
            {
                current.Add(BlueskyPostMapper.ToPost(post));
            }
            else
            {
                deletions.Add(new PostDeletion(missing[i], DeletionEvidence.Absent));
            }

            if (response.Failure is { Status: PollStatus.RateLimited } || response.Limit.Exhausted)
            {
                deletions.AddRange(Weak(missing.Skip(i + 1)));
                return new BlueskyDeletionCheckResult(deletions, current, response.Failure?.RetryAfter ?? response.Limit.Reset);
            }
        }

        return new BlueskyDeletionCheckResult(deletions, current, null);
    }

    private static List<PostDeletion> Weak(IEnumerable<string> uris) => uris.Select(uri => new PostDeletion(uri, DeletionEvidence.Absent)).ToList();
}

/// <summary>Deletions with their evidence, posts re-read, and when the rate limit reopens if the checks used it up.</summary>
internal sealed record BlueskyDeletionCheckResult(List<PostDeletion> Deletions, List<Post> Current, DateTimeOffset? DeferUntil);
