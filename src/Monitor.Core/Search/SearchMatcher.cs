using Monitor.Core.Posts;

namespace Monitor.Core.Search;

/// <summary>
/// Decides whether a post matches a query, on the post's own tokens: the stores' indexes only narrow the candidates
/// (Mongo's array cannot tell adjacency, SQLite's phrase can cross from title to text), so both stores answer alike.
/// </summary>
public static class SearchMatcher
{
    /// <summary>The most characters a snippet has.</summary>
    public const int SnippetLength = 200;

    /// <summary>The hit for <paramref name="post"/>, or null when it does not match <paramref name="query"/>.</summary>
    public static SearchHit? Match(SearchQuery query, StoredPost post)
    {
        var text = SearchTokenizer.SearchableText(post.Post.Title, post.Post.Text);
        var tokens = SearchTokenizer.Tokenize(text, indexing: true);
        var spans = new List<SearchHighlight>();
        foreach (var group in query.Groups)
        {
            var before = spans.Count;
            foreach (var term in group)
            {
                spans.AddRange(Find(term, tokens));
            }

            if (spans.Count == before)
            {
                return null;
            }
        }

        if (query.Excluded.Any(term => Find(term, tokens).Any()))
        {
            return null;
        }

        return Snippet(post, text, spans);
    }

    /// <summary>Where <paramref name="term"/> matches in <paramref name="tokens"/>, as spans of the text.</summary>
    private static IEnumerable<SearchHighlight> Find(SearchTerm term, List<SearchToken> tokens)
    {
        var wanted = term.Tokens;
        for (var i = 0; i + wanted.Count <= tokens.Count; i++)
        {
            var matches = term.Kind == SearchTermKind.Prefix
                ? tokens[i].Value.StartsWith(wanted[0], StringComparison.Ordinal)
                : Enumerable.Range(0, wanted.Count).All(k => tokens[i + k].Value == wanted[k]);
            if (matches)
            {
                var last = tokens[i + wanted.Count - 1];
                yield return new SearchHighlight(tokens[i].Start, last.Start + last.Length - tokens[i].Start);
            }
        }
    }

    private static SearchHit Snippet(StoredPost post, string text, List<SearchHighlight> spans)
    {
        var first = spans.Min(s => s.Start);
        var start = 0;
        if (text.Length > SnippetLength && first > SnippetLength / 4)
        {
            start = Math.Min(first - SnippetLength / 4, text.Length - SnippetLength);
            var space = text.IndexOf(' ', start, Math.Max(0, first - start));
            start = space >= 0 && space < first ? space + 1 : start;
        }

        var end = Math.Min(text.Length, start + SnippetLength);
        if (end < text.Length && text.LastIndexOf(' ', end - 1, end - start) is var space2 && space2 > first)
        {
            end = space2;
        }

        var snippet = text[start..end].Replace('\n', ' ').Replace('\r', ' ');
        var highlights = Merge(spans
            .Select(s => (Start: Math.Max(s.Start, start) - start, End: Math.Min(s.Start + s.Length, end) - start))
            .Where(s => s.End > s.Start));
        return new SearchHit(post, snippet, highlights);
    }

    /// <summary>Sorted, with overlapping spans (CJK bigrams, a phrase and its word) joined.</summary>
    private static List<SearchHighlight> Merge(IEnumerable<(int Start, int End)> spans)
    {
        var merged = new List<SearchHighlight>();
        foreach (var (s, e) in spans.OrderBy(s => s.Start))
        {
            if (merged.Count > 0 && s <= merged[^1].Start + merged[^1].Length)
            {
                var last = merged[^1];
                merged[^1] = new SearchHighlight(last.Start, Math.Max(last.Start + last.Length, e) - last.Start);
            }
            else
            {
                merged.Add(new SearchHighlight(s, e - s));
            }
        }

        return merged;
    }
}
