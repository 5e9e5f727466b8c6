using System.Runtime.CompilerServices;
using Monitor.Core.Posts;
using Monitor.Core.Search;
using MongoDB.Bson;
using MongoDB.Driver;

namespace Monitor.Core.Storage.Mongo;

/// <summary>Full-text search: the <c>searchTokens</c> index narrows (<see cref="MongoSearchCommands"/>), <see cref="SearchMatcher"/> decides.</summary>
internal sealed class MongoPostSearch(MongoCollections collections) : IPostSearch
{
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(SearchRequest request, CancellationToken cancellationToken)
    {
        List<string>? accountIds = null;
        if (request.Country is not null || request.Actor is not null)
        {
            var accounts = MongoSearchCommands.AccountsOf(request.Country, request.Actor?.ToString());
            using var cursor = await collections.Accounts.FindAsync<BsonDocument>(
                accounts, new FindOptions<BsonDocument> { Projection = new BsonDocument("_id", 1) }, cancellationToken);
            accountIds = (await cursor.ToListAsync(cancellationToken)).Select(d => d["_id"].AsString).ToList();
        }

        var filter = MongoSearchCommands.Filter(request, accountIds);
        return await SearchCandidates.CollectAsync(request.Query, request.Limit, StreamAsync(filter, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<StoredPost> StreamAsync(BsonDocument filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new FindOptions<BsonDocument> { Sort = MongoSearchCommands.Sort, BatchSize = 200 };
        using var cursor = await collections.Posts.FindAsync(filter, options, cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return MongoPostDocuments.ToStoredPost(document);
            }
        }
    }
}
