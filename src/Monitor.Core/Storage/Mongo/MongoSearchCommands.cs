using System.Text.RegularExpressions;
using Monitor.Core.Posts;
using Monitor.Core.Search;
using MongoDB.Bson;

namespace Monitor.Core.Storage.Mongo;

/// <summary>
/// A <see cref="SearchQuery"/> as a filter over the posts' <c>searchTokens</c> array (multikey index
/// <c>posts_search_tokens</c>): a word is an equality on the array, a prefix an anchored, case-sensitive regex (which
/// the server reads as an index range, https://www.mongodb.com/docs/manual/reference/operator/query/regex/#index-use),
/// a phrase <c>$all</c> of its tokens (adjacency is checked by <see cref="SearchMatcher"/>). An excluded phrase is left
/// to the matcher: no array filter can tell a post with the phrase from one with its words apart.
/// </summary>
internal static class MongoSearchCommands
{
    public const string Field = "searchTokens";

    /// <summary>The array stored on a post: its tokens, each once.</summary>
    public static BsonArray Tokens(string? title, string? text) =>
        new(SearchTokenizer.ForPost(title, text).Select(t => t.Value).Distinct(StringComparer.Ordinal));

    /// <summary>The filter; <paramref name="accountIds"/> are the accounts of the request's country and actor (null: any).</summary>
    public static BsonDocument Filter(SearchRequest request, IReadOnlyCollection<string>? accountIds)
    {
        var and = new BsonArray();
        foreach (var group in request.Query.Groups)
        {
            and.Add(group.Count == 1 ? Term(group[0]) : new BsonDocument("$or", new BsonArray(group.Select(Term))));
        }

        foreach (var excluded in request.Query.Excluded)
        {
            switch (excluded.Kind)
            {
                case SearchTermKind.Word:
                    and.Add(new BsonDocument(Field, new BsonDocument("$ne", excluded.Tokens[0])));
                    break;
                case SearchTermKind.Prefix:
                    and.Add(new BsonDocument(Field, new BsonDocument("$not", Prefix(excluded.Tokens[0]))));
                    break;
            }
        }

        var filter = new BsonDocument("$and", and);
        Add(filter, "accountId", request.AccountId);
        Add(filter, "platform", request.Platform);
        Add(filter, "language", request.Language);
        Add(filter, "kind", request.Kind?.ToWireName());
        if (accountIds is not null)
        {
            filter["accountId"] = request.AccountId is null
                ? new BsonDocument("$in", new BsonArray(accountIds))
                : accountIds.Contains(request.AccountId) ? request.AccountId : new BsonDocument("$in", new BsonArray());
        }

        var published = new BsonDocument();
        if (request.From is { } from)
        {
            published.Add("$gte", MongoBson.Of(from));
        }

        if (request.To is { } to)
        {
            published.Add("$lt", MongoBson.Of(to));
        }

        if (published.ElementCount > 0)
        {
            filter.Add("publishedAt", published);
        }

        return filter;
    }

    /// <summary>Newest first, like every store's search.</summary>
    public static BsonDocument Sort { get; } = new() { { "publishedAt", -1 }, { "postId", -1 } };

    /// <summary>The accounts of a country and/or actor type.</summary>
    public static BsonDocument AccountsOf(string? country, string? actor)
    {
        var filter = new BsonDocument();
        Add(filter, "country", country);
        Add(filter, "actor", actor);
        return filter;
    }

    private static BsonDocument Term(SearchTerm term) => term.Kind switch
    {
        SearchTermKind.Word => new BsonDocument(Field, term.Tokens[0]),
        SearchTermKind.Prefix => new BsonDocument(Field, Prefix(term.Tokens[0])),
        _ => new BsonDocument(Field, new BsonDocument("$all", new BsonArray(term.Tokens.Distinct(StringComparer.Ordinal)))),
    };

    private static BsonRegularExpression Prefix(string token) => new("^" + Regex.Escape(token));

    private static void Add(BsonDocument filter, string field, string? value)
    {
        if (value is not null)
        {
            filter.Add(field, value);
        }
    }
}
