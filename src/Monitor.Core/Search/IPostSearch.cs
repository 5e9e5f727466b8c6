namespace Monitor.Core.Search;

/// <summary>Full-text search over the stored posts, newest first (by <c>publishedAt</c>), at most the request's limit.</summary>
public interface IPostSearch
{
    Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken);
}
