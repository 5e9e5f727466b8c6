using Monitor.Core.Accounts;
using Monitor.Core.Posts;

namespace Monitor.Core.Search;

/// <summary>
/// A search: the parsed query and the filters (each null for all). Posts by <c>publishedAt</c> in [From, To); country
/// and actor are the account's.
/// </summary>
public sealed record SearchRequest(SearchQuery Query, int Limit = SearchRequest.DefaultLimit)
{
    /// <summary>Hits returned when no limit is given.</summary>
    public const int DefaultLimit = 50;

    public string? AccountId { get; init; }

    public string? Platform { get; init; }

    public string? Country { get; init; }

    public ActorType? Actor { get; init; }

    public string? Language { get; init; }

    public PostKind? Kind { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }
}
