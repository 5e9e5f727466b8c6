using System.Runtime.CompilerServices;
using Monitor.Core.Posts;
using Monitor.Core.Search;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>Full-text search: the FTS5 index (<see cref="SqliteSearchIndex"/>) narrows, <see cref="SearchMatcher"/> decides.</summary>
internal sealed partial class SqliteStore : IPostSearch
{
    public Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken) =>
        SearchCandidates.CollectAsync(request.Query, request.Limit, ReadCandidatesAsync(request, cancellationToken), cancellationToken);

    private async IAsyncEnumerable<StoredPost> ReadCandidatesAsync(SearchRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {SqliteRows.PostColumns} FROM posts
            WHERE id IN (SELECT rowid FROM post_search WHERE post_search MATCH $match)
              AND ($from IS NULL OR published_at >= $from)
              AND ($to IS NULL OR published_at < $to)
              AND ($account IS NULL OR account_id = $account)
              AND ($platform IS NULL OR platform = $platform)
              AND ($language IS NULL OR language = $language)
              AND ($kind IS NULL OR kind = $kind)
              AND ($country IS NULL OR account_id IN (SELECT id FROM accounts WHERE country = $country))
              AND ($actor IS NULL OR account_id IN (SELECT id FROM accounts WHERE actor = $actor))
            ORDER BY published_at DESC, id DESC;
            """;
        command.Bind("$match", SqliteSearchMatch.Render(request.Query));
        command.Bind("$from", request.From);
        command.Bind("$to", request.To);
        command.Bind("$account", request.AccountId);
        command.Bind("$platform", request.Platform);
        command.Bind("$language", request.Language);
        command.Bind("$kind", request.Kind?.ToWireName());
        command.Bind("$country", request.Country);
        command.Bind("$actor", request.Actor?.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return SqliteRows.ReadPost(reader);
        }
    }
}
