namespace Monitor.Core.Search;

/// <summary>What a search term asks for.</summary>
public enum SearchTermKind
{
    /// <summary>The token itself.</summary>
    Word,

    /// <summary>Any token that starts with it.</summary>
    Prefix,

    /// <summary>The tokens next to each other, in order (a quoted phrase, or a word the tokenizer cut in several).</summary>
    Phrase,
}

/// <summary>One term: its folded tokens (one for a word or prefix, one or more for a phrase) and what it was typed as.</summary>
public sealed record SearchTerm(SearchTermKind Kind, IReadOnlyList<string> Tokens, string Typed);

/// <summary>
/// A parsed query: every group must match (a group matches when any of its terms does: <c>a OR b</c>), and no
/// excluded term may match.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<IReadOnlyList<SearchTerm>> Groups, IReadOnlyList<SearchTerm> Excluded, string Text)
{
    /// <summary>Parses the project's query language; a malformed query throws <see cref="SearchQueryException"/>.</summary>
    public static SearchQuery Parse(string text) => SearchQueryParser.Parse(text);
}

/// <summary>A query that cannot be searched for, with a message naming what is wrong.</summary>
public sealed class SearchQueryException(string message) : Exception(message);
