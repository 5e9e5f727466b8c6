using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;

namespace Monitor.Core.Adapters.X;

/// <summary>
/// Looks up recent stored posts the poll did not see (<c>GET /2/tweets?ids=</c>). Only a "Not Found Error"
/// (resource-not-found) for that id is a deletion; an "Authorization Error" (protected or suspended author) is not.
/// Posts X returns are present and come back with current counts.
/// </summary>
internal sealed class XDeletionCheck(XApiClient api, string accountKey, ILogger logger)
{
    public async Task<XDeletionCheckResult> CheckAsync(IEnumerable<string> candidates, int allowance, CancellationToken cancellationToken)
    {
        var asked = candidates.Take(Math.Min(allowance, XApiClient.PageSize)).ToArray();
        if (asked.Length == 0) return new XDeletionCheckResult([], [], 0);

        var lookup = await api.LookupPostsAsync(asked, cancellationToken);
        if (lookup.Failure is { } failure)
        {
            // A failed check must not cost the posts just read: the next poll checks again.
            Log.XDeletionCheckFailed(logger, accountKey, failure.Status.ToWireName(), failure.Error);
            return new XDeletionCheckResult([], [], asked.Length);
        }

        var askedSet = asked.ToHashSet(StringComparer.Ordinal);
        var deleted = (lookup.Value!.Errors ?? [])
            .Where(IsNotFound)
            .Select(e => e.ResourceId ?? e.Value)
            .Where(id => id is not null && askedSet.Contains(id))
            .Select(id => id!)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        // Looking up an edited post's first id returns that old version; its newer text must not overwrite the stored one.
        var present = lookup.Value.PostsWithMedia().Where(IsLatestVersion).ToArray();
        return new XDeletionCheckResult(deleted, present, asked.Length);
    }

    private static bool IsNotFound(XProblem problem) =>
        problem.Title != "Authorization Error"
        && (problem.Title == "Not Found Error" || problem.Type?.EndsWith("/resource-not-found", StringComparison.Ordinal) == true);

    private static bool IsLatestVersion(XPost post) =>
        (post.EditHistoryTweetIds ?? post.EditHistoryPostIds) is not { Count: > 0 } history || history[^1] == post.Id;
}

/// <summary>Ids X reports not found, posts it still returns, and how many lookups the check spent.</summary>
internal sealed record XDeletionCheckResult(IReadOnlyList<string> Deleted, IReadOnlyList<XPost> Present, int Spent);
