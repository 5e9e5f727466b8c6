namespace Monitor.Core.Adapters.Mastodon;

/// <summary>
/// Re-reads a few of the newest stored statuses (<c>GET /api/v1/statuses/:id</c>): 404/410 means deleted, and a status
/// that is still there comes back with its current text, counts and <c>edited_at</c>, which is how older edits are seen.
/// </summary>
internal sealed class MastodonDeletionCheck(MastodonApi api, int checksPerPoll)
{
    public async Task<MastodonDeletionCheckResult> CheckAsync(IEnumerable<KnownPost> candidates, CancellationToken cancellationToken)
    {
        var deleted = new List<string>();
        var current = new List<MastodonStatus>();
        foreach (var known in candidates.Where(p => p.PostId.Length > 0 && p.PostId.All(char.IsAsciiDigit)).Take(checksPerPoll))
        {
            var response = await api.GetAsync("api/v1/statuses/" + known.PostId, MastodonJsonContext.Default.MastodonStatus, cancellationToken);
            switch (response.Failure)
            {
                case { Status: PollStatus.NotFound }:
                    deleted.Add(known.PostId);
                    break;
                case { Status: PollStatus.RateLimited } limited:
                    return new MastodonDeletionCheckResult(deleted, current, limited.RetryAfter);
                case null:
                    current.Add(response.Value!);
                    break;
            }

            if (response.Limit.Exhausted)
            {
                return new MastodonDeletionCheckResult(deleted, current, response.Limit.Reset);
            }
        }

        return new MastodonDeletionCheckResult(deleted, current, null);
    }
}

/// <summary>Ids found deleted, statuses re-read, and when the rate limit reopens if the checks used it up.</summary>
internal sealed record MastodonDeletionCheckResult(List<string> Deleted, List<MastodonStatus> Current, DateTimeOffset? DeferUntil);
