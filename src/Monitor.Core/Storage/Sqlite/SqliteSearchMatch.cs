using Monitor.Core.Search;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>
/// Translates a <see cref="SearchQuery"/> to an FTS5 MATCH expression (https://sqlite.org/fts5.html#full_text_query_syntax)
/// over <c>post_search.tokens</c>. Every token is a quoted string, so nothing the user typed is read as FTS5 syntax.
/// </summary>
internal static class SqliteSearchMatch
{
    public static string Render(SearchQuery query)
    {
        var match = string.Join(" AND ", query.Groups.Select(group =>
            group.Count == 1 ? Term(group[0]) : "(" + string.Join(" OR ", group.Select(Term)) + ")"));
        foreach (var excluded in query.Excluded)
        {
            match = $"({match}) NOT {Term(excluded)}";
        }

        return match;
    }

    private static string Term(SearchTerm term) => term.Kind switch
    {
        SearchTermKind.Prefix => Quote(term.Tokens[0]) + "*",
        _ => Quote(string.Join(' ', term.Tokens)),
    };

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
