using System.Collections.Frozen;

namespace Monitor.Core.Adapters;

/// <summary>What the token walk needs to know about an element it follows; <see cref="None"/>: it does not follow it.</summary>
[Flags]
internal enum HtmlElementRole
{
    None = 0,
    Known = 1,

    /// <summary>Text around it goes on its own lines (<see cref="HtmlDomText.IsBlock"/>).</summary>
    Block = 2,

    /// <summary>Its start tag closes an open <c>p</c>.</summary>
    ClosesParagraph = 4,

    /// <summary>In the HTML standard's "special" category (it stops the search for an <c>li</c> to close).</summary>
    Special = 8,

    Void = 16,
    Heading = 32,
    ListItem = 64,
    Anchor = 128,
    LineBreak = 256,
}

/// <summary>The elements of post markup, by tag name (WHATWG HTML §13.2.6.4.7 for what each start tag closes).</summary>
internal static class HtmlElementRoles
{
    private const HtmlElementRole Inline = HtmlElementRole.Known;
    private const HtmlElementRole Paragraphing = HtmlElementRole.Known | HtmlElementRole.Block | HtmlElementRole.ClosesParagraph | HtmlElementRole.Special;
    private const HtmlElementRole Sectioning = HtmlElementRole.Known | HtmlElementRole.ClosesParagraph | HtmlElementRole.Special;

    private static readonly FrozenDictionary<string, (HtmlElementRole Role, string Name)> Elements = Build();

    private static readonly FrozenDictionary<string, (HtmlElementRole Role, string Name)>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Elements.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The role of the element named <paramref name="name"/> (ASCII lower case) and that name as one shared string.</summary>
    public static HtmlElementRole Of(ReadOnlySpan<char> name, out string canonical)
    {
        if (BySpan.TryGetValue(name, out var element))
        {
            canonical = element.Name;
            return element.Role;
        }

        canonical = string.Empty;
        return HtmlElementRole.None;
    }

    private static FrozenDictionary<string, (HtmlElementRole Role, string Name)> Build()
    {
        var elements = new Dictionary<string, (HtmlElementRole, string)>(StringComparer.Ordinal);
        void Add(HtmlElementRole role, params string[] names)
        {
            foreach (var name in names)
            {
                elements.Add(name, (role, name));
            }
        }

        Add(Paragraphing, "p", "div", "ul", "ol", "blockquote", "section", "article", "header", "footer", "figure", "figcaption");
        Add(Paragraphing | HtmlElementRole.Heading, "h1", "h2", "h3", "h4", "h5", "h6");
        Add(Paragraphing | HtmlElementRole.ListItem, "li");
        Add(Paragraphing | HtmlElementRole.Void, "hr");
        Add(Sectioning, "aside", "nav", "main", "address");
        Add(HtmlElementRole.Known | HtmlElementRole.Special | HtmlElementRole.Void | HtmlElementRole.LineBreak, "br");
        Add(HtmlElementRole.Known | HtmlElementRole.Special | HtmlElementRole.Void, "img", "wbr");
        Add(Inline | HtmlElementRole.Anchor, "a");
        Add(Inline, "b", "big", "code", "em", "font", "i", "s", "small", "strike", "strong", "tt", "u", "span", "abbr",
            "cite", "q", "mark", "time", "sub", "sup", "kbd", "samp", "var", "dfn", "del", "ins", "bdi", "bdo");
        return elements.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
