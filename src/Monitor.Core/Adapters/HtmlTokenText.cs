using System.Buffers;
using System.Text;

namespace Monitor.Core.Adapters;

/// <summary>
/// The visible text of an HTML fragment read in one pass over its tokens, without building a DOM. It follows the HTML
/// tokenizer (WHATWG HTML §13.2.5) and tree construction ("in body", §13.2.6.4.7) only for the markup posts are made
/// of — paragraphs, lists, headings, line breaks and inline elements, properly nested (<see cref="HtmlOpenElements"/>),
/// character references with their semicolon — where the tree keeps the tokens' order, so the text is the one
/// <see cref="HtmlDomText"/> reads from AngleSharp's DOM. Anything else (tables, raw-text and foreign elements,
/// misnesting the tree builder would repair, legacy references without ';', malformed tags) makes it give up, and the caller has AngleSharp parse the fragment instead. (AngleSharp's own
/// tokenizer was tried first: on a 2 KB body it cost as much as the whole DOM parse.)
/// </summary>
internal static class HtmlTokenText
{
    private const int MaxNameLength = 16;

    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&\r\0");

    /// <summary>Appends the text of <paramref name="html"/>; false (with a partly filled builder) when it needs the tree builder.</summary>
    public static bool TryAppend(string html, PlainTextBuilder builder)
    {
        var text = html.AsSpan();
        var open = new HtmlOpenElements(builder);
        var position = 0;
        while (position < text.Length)
        {
            var stop = text[position..].IndexOfAny(TextStops);
            if (stop < 0)
            {
                builder.Append(text[position..]);
                return true;
            }

            builder.Append(text.Slice(position, stop));
            position += stop;
            switch (text[position])
            {
                case '\r':
                    // The input stream turns CR LF and lone CRs into LF (§13.2.3.5).
                    builder.AppendLineBreak();
                    position += position + 1 < text.Length && text[position + 1] == '\n' ? 2 : 1;
                    break;
                case '&' when !HtmlCharacterReferences.TryAppend(text, ref position, builder):
                    return false;
                case '<' when !TryTag(text, ref position, open, builder):
                    return false;
                case '\0':
                    return false;
            }
        }

        return true;
    }

    private static bool TryTag(ReadOnlySpan<char> text, ref int position, HtmlOpenElements open, PlainTextBuilder builder)
    {
        var next = position + 1;
        if (next < text.Length && char.IsAsciiLetter(text[next]))
        {
            return TryElement(text, ref position, next, open, isEnd: false);
        }

        if (next < text.Length && text[next] == '/')
        {
            return next + 1 < text.Length && char.IsAsciiLetter(text[next + 1])
                && TryElement(text, ref position, next + 1, open, isEnd: true);
        }

        if (next < text.Length && text[next] == '!')
        {
            return TrySkipComment(text, ref position);
        }

        if (next < text.Length && text[next] == '?')
        {
            return false;
        }

        // '<' before anything else is text (§13.2.5.6, tag open state).
        builder.Append('<');
        position = next;
        return true;
    }

    private static bool TryElement(
        ReadOnlySpan<char> text, ref int position, int nameStart, HtmlOpenElements open, bool isEnd)
    {
        var nameEnd = nameStart;
        while (nameEnd < text.Length && !IsTagSpace(text[nameEnd]) && text[nameEnd] is not ('/' or '>'))
        {
            nameEnd++;
        }

        // Only ASCII letters are lower-cased in tag names (§13.2.5.8); the elements the walk knows have ASCII names.
        var name = text[nameStart..nameEnd];
        Span<char> lower = stackalloc char[MaxNameLength];
        if (name.Length > MaxNameLength || Ascii.ToLower(name, lower, out var length) != OperationStatus.Done)
        {
            return false;
        }

        var role = HtmlElementRoles.Of(lower[..length], out var canonical);
        var end = SkipAttributes(text, nameEnd);
        if (role == HtmlElementRole.None || end < 0)
        {
            return false;
        }

        position = end;
        if (!isEnd)
        {
            return open.TryStart(canonical, role);
        }

        return open.TryEnd(canonical);
    }

    /// <summary>The position after the tag's closing '&gt;', skipping its attributes (§13.2.5.32–.42); -1 at the end of input.</summary>
    private static int SkipAttributes(ReadOnlySpan<char> text, int position)
    {
        while (true)
        {
            while (position < text.Length && (IsTagSpace(text[position]) || text[position] == '/'))
            {
                position++;
            }

            if (position >= text.Length)
            {
                return -1;
            }

            if (text[position] == '>')
            {
                return position + 1;
            }

            // An attribute name: its first character may be '=' (a parse error the tokenizer keeps in the name).
            position++;
            while (position < text.Length && !IsTagSpace(text[position]) && text[position] is not ('/' or '>' or '='))
            {
                position++;
            }

            while (position < text.Length && IsTagSpace(text[position]))
            {
                position++;
            }

            if (position >= text.Length || text[position] != '=')
            {
                continue;
            }

            position++;
            while (position < text.Length && IsTagSpace(text[position]))
            {
                position++;
            }

            if (position < text.Length && text[position] is '"' or '\'')
            {
                var close = text[(position + 1)..].IndexOf(text[position]);
                if (close < 0)
                {
                    return -1;
                }

                position += close + 2;
                continue;
            }

            while (position < text.Length && !IsTagSpace(text[position]) && text[position] != '>')
            {
                position++;
            }
        }
    }

    /// <summary>Skips a plain <c>&lt;!-- … --&gt;</c>; doctypes, CDATA and comments with the rarer endings go to the DOM.</summary>
    private static bool TrySkipComment(ReadOnlySpan<char> text, ref int position)
    {
        var rest = text[position..];
        if (!rest.StartsWith("<!--") || rest[4..].StartsWith(">") || rest[4..].StartsWith("->"))
        {
            return false;
        }

        var close = rest[4..].IndexOf("-->");
        if (close < 0 || rest.Slice(4, close).ContainsAny('<', '!'))
        {
            return false;
        }

        position += 4 + close + 3;
        return true;
    }

    private static bool IsTagSpace(char c) => c is '\t' or '\n' or '\f' or ' ' or '\r';
}
