namespace Monitor.Core.Search;

/// <summary>
/// The query language: words (all must match), <c>"exact phrase"</c>, <c>prefix*</c>, <c>a OR b</c> (upper case),
/// and <c>-excluded</c> (a word, prefix or phrase). Everything is cut by <see cref="SearchTokenizer"/>, so a query
/// folds exactly as the posts were indexed.
/// </summary>
internal static class SearchQueryParser
{
    public static SearchQuery Parse(string text)
    {
        var groups = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        var pendingOr = false;
        foreach (var (body, quoted, negated) in Split(text))
        {
            if (!quoted && !negated && body == "OR")
            {
                if (groups.Count == 0 || pendingOr)
                {
                    throw new SearchQueryException($"'OR' needs a term on each side (query: {text}).");
                }

                pendingOr = true;
                continue;
            }

            var typed = (negated ? "-" : string.Empty) + (quoted ? $"\"{body}\"" : body);
            var term = Term(body, quoted, typed);
            if (negated)
            {
                if (pendingOr)
                {
                    throw new SearchQueryException($"An excluded term cannot be part of an OR: '{typed}'.");
                }

                excluded.Add(term);
            }
            else if (pendingOr)
            {
                groups[^1].Add(term);
                pendingOr = false;
            }
            else
            {
                groups.Add([term]);
            }
        }

        if (pendingOr)
        {
            throw new SearchQueryException($"'OR' needs a term on each side (query: {text}).");
        }

        if (groups.Count == 0)
        {
            throw new SearchQueryException(excluded.Count == 0
                ? "The query is empty: give at least one word to search for."
                : "The query only excludes: give at least one word that must match.");
        }

        return new SearchQuery(groups, excluded, text);
    }

    private static SearchTerm Term(string body, bool quoted, string typed)
    {
        var prefix = !quoted && body.EndsWith('*');
        var core = prefix ? body[..^1] : body;
        if (core.Contains('*', StringComparison.Ordinal) && !quoted)
        {
            throw new SearchQueryException($"'*' may only end a word, as in diplom*: '{typed}'.");
        }

        var tokens = SearchTokenizer.Tokenize(core, indexing: false).Select(t => t.Value).ToArray();
        if (tokens.Length == 0)
        {
            throw new SearchQueryException($"'{typed}' has no letters or digits to search for.");
        }

        if (prefix)
        {
            return tokens.Length == 1
                ? new SearchTerm(SearchTermKind.Prefix, tokens, typed)
                : throw new SearchQueryException($"A prefix must be one word: '{typed}'.");
        }

        // A lone CJK character is indexed only as the start of a bigram (or a run's last character): find it as a prefix.
        if (tokens.Length == 1 && tokens[0].Length == 1 && SearchTokenizer.IsCjk(tokens[0][0]))
        {
            return new SearchTerm(SearchTermKind.Prefix, tokens, typed);
        }

        return new SearchTerm(tokens.Length == 1 ? SearchTermKind.Word : SearchTermKind.Phrase, tokens, typed);
    }

    /// <summary>The query's terms: runs of non-space characters, or quoted phrases, each maybe excluded by a leading '-'.</summary>
    private static IEnumerable<(string Body, bool Quoted, bool Negated)> Split(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            var negated = text[i] == '-' && i + 1 < text.Length && text[i + 1] == '"';
            if (text[i] == '"' || negated)
            {
                var open = negated ? i + 1 : i;
                var close = text.IndexOf('"', open + 1);
                if (close < 0)
                {
                    throw new SearchQueryException($"A phrase is not closed: add the ending quote (\") after {text[open..]}.");
                }

                yield return (text[(open + 1)..close], true, negated);
                i = close + 1;
                continue;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }

            var raw = text[start..i];
            if (raw == "-")
            {
                throw new SearchQueryException("'-' must be followed by the word to exclude, as in -sport.");
            }

            yield return raw.StartsWith('-') ? (raw[1..], false, true) : (raw, false, false);
        }
    }
}
