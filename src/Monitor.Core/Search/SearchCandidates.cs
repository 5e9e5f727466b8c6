using Monitor.Core.Posts;

namespace Monitor.Core.Search;

/// <summary>Keeps the candidates a store's index found that really match, newest first, until the limit.</summary>
internal static class SearchCandidates
{
    public static async Task<IReadOnlyList<SearchHit>> CollectAsync(
        SearchQuery query, int limit, IAsyncEnumerable<StoredPost> candidates, CancellationToken cancellationToken)
    {
        var hits = new List<SearchHit>();
        if (limit <= 0)
        {
            return hits;
        }

        await foreach (var post in candidates.WithCancellation(cancellationToken))
        {
            if (SearchMatcher.Match(query, post) is { } hit)
            {
                hits.Add(hit);
                if (hits.Count == limit)
                {
                    break;
                }
            }
        }

        return hits;
    }
}
