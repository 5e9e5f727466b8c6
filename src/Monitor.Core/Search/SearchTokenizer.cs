using System.Globalization;
using System.Text;

namespace Monitor.Core.Search;

/// <summary>
/// The one token list both stores index and every query is cut into. A word is a run of letters and digits, folded to
/// lower case without diacritics (<see cref="SearchFoldingTable"/>; combining marks such as Arabic harakat and Hebrew
/// niqqud are dropped, Arabic tatweel too). Chinese, Japanese and Korean have no spaces between words, so a run of
/// their characters becomes overlapping character bigrams; when indexing, the run's last character is added alone
/// too, so a one-character query (a prefix) finds every occurrence.
/// </summary>
public static class SearchTokenizer
{
    /// <summary>The tokens a post's title and text are indexed under: the title's, then the text's.</summary>
    public static IReadOnlyList<SearchToken> ForPost(string? title, string? text) => Tokenize(SearchableText(title, text), indexing: true);

    /// <summary>Title and text as one string (a line break between), the text snippets and phrases are taken from.</summary>
    public static string SearchableText(string? title, string? text) =>
        string.IsNullOrEmpty(title) ? text ?? string.Empty : string.IsNullOrEmpty(text) ? title : title + "\n" + text;

    /// <summary>The tokens as stored: one space between them.</summary>
    public static string Join(IEnumerable<SearchToken> tokens) => string.Join(' ', tokens.Select(t => t.Value));

    /// <summary>
    /// <see cref="Join"/> of <see cref="ForPost"/>: the text a post is indexed under, built without a string per token
    /// (the search index is written inside the poll's write transaction).
    /// </summary>
    public static string IndexText(string? title, string? text)
    {
        var source = SearchableText(title, text);
        var sink = new JoinSink(new StringBuilder(source.Length));
        Cut(source, indexing: true, ref sink);
        return sink.Output.ToString();
    }

    /// <summary>Cuts <paramref name="text"/> into tokens; <paramref name="indexing"/> adds each CJK run's last character alone.</summary>
    public static List<SearchToken> Tokenize(string text, bool indexing)
    {
        var sink = new ListSink(new List<SearchToken>(text.Length / 6 + 1));
        Cut(text, indexing, ref sink);
        return sink.Tokens;
    }

    /// <summary>The one tokenizer: hands each token, in order, to <paramref name="sink"/>.</summary>
    private static void Cut<TSink>(string text, bool indexing, ref TSink sink)
        where TSink : struct, ITokenSink
    {
        var word = new StringBuilder();
        var wordStart = -1;
        var cjkStart = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var kind = Classify(c);
            if (kind != CharKind.Cjk && cjkStart >= 0)
            {
                AddCjkRun(ref sink, text, cjkStart, i, indexing);
                cjkStart = -1;
            }

            if (kind is CharKind.Letter or CharKind.Mark && (kind == CharKind.Letter || wordStart >= 0))
            {
                if (wordStart < 0)
                {
                    wordStart = i;
                }

                if (kind == CharKind.Letter)
                {
                    Fold(c, word);
                }

                continue;
            }

            if (wordStart >= 0)
            {
                sink.Word(word, wordStart, i - wordStart);
                word.Clear();
                wordStart = -1;
            }

            if (kind == CharKind.Cjk && cjkStart < 0)
            {
                cjkStart = i;
            }
        }
    }

    /// <summary>Whether <paramref name="c"/> belongs to a script cut into bigrams (Han, kana, Hangul).</summary>
    public static bool IsCjk(char c) =>
        c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF'
            or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF';

    private static void AddCjkRun<TSink>(ref TSink sink, string text, int start, int end, bool indexing)
        where TSink : struct, ITokenSink
    {
        if (end - start == 1)
        {
            sink.Piece(text, start, 1);
            return;
        }

        for (var i = start; i + 1 < end; i++)
        {
            sink.Piece(text, i, 2);
        }

        if (indexing)
        {
            sink.Piece(text, end - 1, 1);
        }
    }

    private static void Fold(char c, StringBuilder word)
    {
        // The folding table has no ASCII letters, and ASCII is most of what posts hold.
        if (char.IsAscii(c))
        {
            word.Append(char.ToLowerInvariant(c));
        }
        else if (SearchFoldingTable.Letters.TryGetValue(c, out var folded))
        {
            word.Append(folded);
        }
        else
        {
            word.Append(char.ToLowerInvariant(c));
        }
    }

    private static CharKind Classify(char c)
    {
        // In ASCII only letters and digits are letters (no marks, no ModifierLetter): the same answer as below, sooner.
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterOrDigit(c) ? CharKind.Letter : CharKind.Separator;
        }

        if (IsCjk(c))
        {
            return CharKind.Cjk;
        }

        // Arabic tatweel (U+0640) only stretches a word and a soft hyphen (U+00AD) only marks where it may break.
        if (c is '\u0640' or '\u00AD')
        {
            return CharKind.Mark;
        }

        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.DecimalDigitNumber => CharKind.Letter,
            UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => CharKind.Mark,
            _ => CharKind.Separator,
        };
    }

    /// <summary>Receives the tokens <see cref="Cut"/> finds.</summary>
    private interface ITokenSink
    {
        /// <summary>A word, folded, found at <paramref name="start"/> for <paramref name="length"/> characters of the text.</summary>
        void Word(StringBuilder folded, int start, int length);

        /// <summary>A CJK character or bigram: the text's characters themselves.</summary>
        void Piece(string text, int start, int length);
    }

    private readonly struct ListSink(List<SearchToken> tokens) : ITokenSink
    {
        public List<SearchToken> Tokens { get; } = tokens;

        public void Word(StringBuilder folded, int start, int length) => Tokens.Add(new SearchToken(folded.ToString(), start, length));

        public void Piece(string text, int start, int length) => Tokens.Add(new SearchToken(text.Substring(start, length), start, length));
    }

    private struct JoinSink(StringBuilder output) : ITokenSink
    {
        private bool started;

        public readonly StringBuilder Output { get; } = output;

        public void Word(StringBuilder folded, int start, int length) => Separate().Append(folded);

        public void Piece(string text, int start, int length) => Separate().Append(text, start, length);

        private StringBuilder Separate()
        {
            var output = started ? Output.Append(' ') : Output;
            started = true;
            return output;
        }
    }

    private enum CharKind
    {
        Separator,
        Letter,
        Mark,
        Cjk,
    }
}
