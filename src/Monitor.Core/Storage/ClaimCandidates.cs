using Monitor.Core.Accounts;

namespace Monitor.Core.Storage;

/// <summary>A due account a claim may take, with the next-poll time that orders it (null: never scheduled, first).</summary>
internal readonly record struct ClaimCandidate(TrackedAccount Account, DateTimeOffset? NextPollAt);

/// <summary>
/// How both stores pick a claim's accounts: one candidate stream per platform that is not full, each already in
/// schedule order from an index on (platform, next poll, id), merged into one schedule order (never-scheduled
/// accounts first, then the earliest next poll, then the id) and offered to <see cref="ClaimRequest.CanStart"/> one
/// by one. A platform that fills leaves the merge, so its remaining due accounts are never read; a claim reads at most
/// <see cref="MaxScanned"/> candidates in all. A claim's cost therefore depends on the candidates it looks at, not on
/// how many accounts are tracked: a single stream in next-poll order would read every due account of a full platform
/// on its way to the first one that can start.
/// </summary>
internal static class ClaimCandidates
{
    /// <summary>How many candidates one claim looks at, at most, for ones that can start now.</summary>
    public const int MaxScanned = 1024;

    public static async Task<List<TrackedAccount>> PickAsync(
        IEnumerable<string> platforms, Func<string, IAsyncEnumerable<ClaimCandidate>> read, ClaimRequest request, CancellationToken cancellationToken)
    {
        var picked = new List<TrackedAccount>();
        var sources = new List<IAsyncEnumerator<ClaimCandidate>>();
        try
        {
            foreach (var platform in platforms.Where(platform => !request.FullPlatforms.Contains(platform)))
            {
                var source = read(platform).GetAsyncEnumerator(cancellationToken);
                sources.Add(source);
                if (!await source.MoveNextAsync())
                {
                    await RemoveAsync(sources, sources.Count - 1);
                }
            }

            for (var scanned = 0; sources.Count > 0 && picked.Count < request.MaxCount && scanned < MaxScanned; scanned++)
            {
                var next = 0;
                for (var i = 1; i < sources.Count; i++)
                {
                    if (Compare(sources[i].Current, sources[next].Current) < 0)
                    {
                        next = i;
                    }
                }

                var candidate = sources[next].Current;
                if (request.CanStart?.Invoke(candidate.Account) ?? true)
                {
                    picked.Add(candidate.Account);
                    if (picked.Count == request.MaxCount)
                    {
                        break;
                    }
                }

                // CanStart adds the platform whose last slot it took: the rest of that stream is left unread.
                if (request.FullPlatforms.Contains(candidate.Account.Platform) || !await sources[next].MoveNextAsync())
                {
                    await RemoveAsync(sources, next);
                }
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                await source.DisposeAsync();
            }
        }

        return picked;
    }

    /// <summary>The stores' schedule order: never scheduled first, then the earliest next poll, then the id (ordinal).</summary>
    public static int Compare(ClaimCandidate a, ClaimCandidate b)
    {
        var byTime = (a.NextPollAt, b.NextPollAt) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            var (x, y) => x.Value.CompareTo(y.Value),
        };
        return byTime != 0 ? byTime : string.CompareOrdinal(a.Account.Id, b.Account.Id);
    }

    private static async Task RemoveAsync(List<IAsyncEnumerator<ClaimCandidate>> sources, int index)
    {
        var source = sources[index];
        sources.RemoveAt(index);
        await source.DisposeAsync();
    }
}
