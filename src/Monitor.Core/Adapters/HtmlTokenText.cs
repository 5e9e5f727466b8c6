using System.Buffers;

namespace Monitor.Core.Adapters;

/// <summary>
/// The visible text of an HTML fragment read in one pass over its tokens, without building a DOM. It follows the HTML
/// tokenizer (WHATWG HTML §13.2.5) and tree construction ("in body", §13.2.6.4.7) only for the markup posts are made
/// of — paragraphs, lists, headings, line breaks and inline elements, properly nested, the common character references
/// — where the tree keeps the tokens' order, so the text is the one <see cref="HtmlDomText"/> reads from AngleSharp's
/// DOM. Anything else (tables, raw-text and foreign elements, misnesting the tree builder would repair, rare entities,
/// malformed tags) makes it give up, and the caller has AngleSharp parse the fragment instead. (AngleSharp's own
/// tokenizer was tried first: on a 2 KB body it cost as much as the whole DOM parse.)
/// </summary>
internal static class HtmlTokenText
{
    private const int MaxDepth = 256;
    private const int MaxNameLength = 16;

    private static readonly SearchValues<char> TextStops = SearchValues.Create("<&\r\0");

    /// <summary>Appends the text of <paramref name="html"/>; false (with a partly filled builder) when it needs the tree builder.</summary>
    public static bool TryAppend(string html, PlainTextBuilder builder)
    {
        var text = html.AsSpan();
        var open = new ElementStack();
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

    private static bool TryTag(ReadOnlySpan<char> text, ref int position, ElementStack open, PlainTextBuilder builder)
    {
        var next = position + 1;
        if (next < text.Length && char.IsAsciiLetter(text[next]))
        {
            return TryElement(text, ref position, next, open, builder, isEnd: false);
        }

        if (next < text.Length && text[next] == '/')
        {
            return next + 1 < text.Length && char.IsAsciiLetter(text[next + 1])
                && TryElement(text, ref position, next + 1, open, builder, isEnd: true);
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
        ReadOnlySpan<char> text, ref int position, int nameStart, ElementStack open, PlainTextBuilder builder, bool isEnd)
    {
        var nameEnd = nameStart;
        while (nameEnd < text.Length && !IsTagSpace(text[nameEnd]) && text[nameEnd] is not ('/' or '>'))
        {
            nameEnd++;
        }

        var name = text[nameStart..nameEnd];
        if (name.Length > MaxNameLength)
        {
            return false;
        }

        Span<char> lower = stackalloc char[MaxNameLength];
        var length = name.ToLowerInvariant(lower);
        var role = HtmlElementRoles.Of(lower[..length], out var canonical);
        var end = SkipAttributes(text, nameEnd);
        if (role == HtmlElementRole.None || end < 0)
        {
            return false;
        }

        position = end;
        if (!isEnd)
        {
            return Start(canonical, role, open, builder);
        }

        if (open.Count == 0 || open.Top != canonical)
        {
            return false; // a stray or misnested end tag: the tree builder would repair around it
        }

        open.Pop(builder);
        return true;
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

    private static bool Start(string name, HtmlElementRole role, ElementStack open, PlainTextBuilder builder)
    {
        if (open.Count >= MaxDepth)
        {
            return false;
        }

        if ((role & HtmlElementRole.ClosesParagraph) != 0 && !CloseForBlock(role, open, builder))
        {
            return false;
        }

        if ((role & HtmlElementRole.Anchor) != 0 && open.Contains("a"))
        {
            return false; // a nested <a> runs the adoption agency algorithm
        }

        if ((role & HtmlElementRole.Void) != 0)
        {
            if ((role & HtmlElementRole.LineBreak) != 0)
            {
                builder.AppendLineBreak();
            }
            else if ((role & HtmlElementRole.Block) != 0)
            {
                builder.AppendLineBreak();
                builder.AppendLineBreak();
            }

            return true;
        }

        open.Push(name, role);
        if ((role & HtmlElementRole.Block) != 0)
        {
            builder.AppendLineBreak();
        }

        return true;
    }

    /// <summary>The implied end tags of a block's start tag: an open <c>li</c> for <c>li</c>, an open <c>p</c>, a heading for a heading.</summary>
    private static bool CloseForBlock(HtmlElementRole role, ElementStack open, PlainTextBuilder builder)
    {
        if ((role & HtmlElementRole.ListItem) != 0)
        {
            for (var i = open.Count - 1; i >= 0; i--)
            {
                if (open[i] == "li")
                {
                    if (i != open.Count - 1)
                    {
                        return false;
                    }

                    open.Pop(builder);
                    break;
                }

                if ((open.RoleAt(i) & HtmlElementRole.Special) != 0 && open[i] is not ("address" or "div" or "p"))
                {
                    break;
                }
            }
        }

        if (open.Contains("p"))
        {
            if (open.Top != "p")
            {
                return false;
            }

            open.Pop(builder);
        }

        if ((role & HtmlElementRole.Heading) != 0 && open.Count > 0 && (open.RoleAt(open.Count - 1) & HtmlElementRole.Heading) != 0)
        {
            open.Pop(builder);
        }

        return true;
    }

    private sealed class ElementStack
    {
        private readonly List<(string Name, HtmlElementRole HtmlElementRole)> items = new(16);

        public int Count => items.Count;

        public string Top => items[^1].Name;

        public string this[int index] => items[index].Name;

        public HtmlElementRole RoleAt(int index) => items[index].HtmlElementRole;

        public bool Contains(string name)
        {
            foreach (var item in items)
            {
                if (item.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        public void Push(string name, HtmlElementRole role) => items.Add((name, role));

        public void Pop(PlainTextBuilder builder)
        {
            if ((items[^1].HtmlElementRole & HtmlElementRole.Block) != 0)
            {
                builder.AppendLineBreak();
            }

            items.RemoveAt(items.Count - 1);
        }
    }
}
