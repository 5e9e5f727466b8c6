using System.Text;
using Monitor.Bench.Farm;

namespace Monitor.Bench.PlainText;

/// <summary>The HTML the <c>html-text</c> command measures and cross-checks.</summary>
internal static class PlainTextDocuments
{
    private static readonly string[] Tags =
    [
        "p", "div", "span", "a", "b", "i", "em", "strong", "br", "li", "ul", "ol", "h2", "h3", "blockquote", "hr", "img",
        "code", "small", "section", "figure", "figcaption", "aside", "address",
        // elements the token walk leaves to the DOM
        "table", "tr", "td", "pre", "script", "style", "template", "dd", "dt", "button", "svg", "textarea", "select",
        "option", "nobr", "body", "html", "form", "iframe", "noscript", "title", "custom-tag",
    ];

    private static readonly string[] Texts =
    [
        // text and references the token walk reads
        "word", "two words", " ", "\n", "  \n\t ", "&amp;", "&nbsp;", "&lt;b&gt;", "&#8212;", "Ümläut", "🎉", "\r\n", "\r",
        "a < b", "x > y", "\u00a0", "&hellip;", "&rsquo;", "&#65;", "&#x1F600;", "&#x2014;", "&quot;q&quot;", "& ", "&eacute;", "&AMP;",
        "&NotNestedGreaterGreater;", "&fjlig;", "&notin;",
        // markup it reads
        "<!-- c -->", "<!---->", "<!-- a -- b -->", "<br/>", "<BR>", "<P>", "<a href=\"https://x.test/?a=1&amp;b=2\" title='a > b'>",
        "<img src=x alt=\"<p>\">", "<p\nclass=x>", "<span =x>", "<em/>", "<strong\tid=a >", "<a href=x/>",
        // what it leaves to the DOM
        "x&y", "&#0;", "&#13;", "&#x;", "&#;", "&#128;", "&#xD800;", "&notit;", "&ampx;", "&notin", "&copy", "&amp", "<!--->",
        "<!-->", "<!-- <!-- -->", "<![CDATA[x]]>", "<!DOCTYPE html>", "<?pi?>", "</ p>", "</>", "< b>", "<p class=\"",
        "<b", "&#x110000;", "\0",
    ];

    private const int WalkableTags = 24;
    private const int NestedTexts = 28;
    private const int WalkableTexts = 41;

    /// <summary>A typical 2 KB post body: the feed farm's paragraphs (links, entities, emphasis) joined to 2,000+ characters.</summary>
    public static string TypicalBody()
    {
        var body = new StringBuilder(2200);
        for (var entry = 0; body.Length < 2000; entry++)
        {
            body.Append(FarmText.Html(7, entry));
        }

        return body.ToString();
    }

    /// <summary>Fragments the cross-check compares old and new on: farm bodies, then random tag soup.</summary>
    public static IEnumerable<string> Corpus(int randomCount)
    {
        for (var entry = 0; entry < 200; entry++)
        {
            yield return FarmText.Html(entry, entry % 50);
        }

        var random = new Random(42);
        var fragment = new StringBuilder();
        for (var i = 0; i < randomCount; i++)
        {
            fragment.Clear();
            if (i % 3 == 0)
            {
                AppendNested(fragment, random, depth: 0, inlineOnly: false);
                yield return fragment.ToString();
                continue;
            }

            var tokens = random.Next(1, 30);
            for (var t = 0; t < tokens; t++)
            {
                var walkable = i % 2 == 0;
                var tag = Tags[random.Next(walkable ? WalkableTags : Tags.Length)];
                switch (random.Next(6))
                {
                    case 0 or 1:
                        fragment.Append('<').Append(tag).Append(random.Next(8) == 0 ? " class=\"x\">" : random.Next(8) == 0 ? "/>" : ">");
                        break;
                    case 2:
                        fragment.Append("</").Append(tag).Append('>');
                        break;
                    default:
                        fragment.Append(Texts[random.Next(walkable ? WalkableTexts : Texts.Length)]);
                        break;
                }
            }

            yield return fragment.ToString();
        }
    }

    /// <summary>Properly nested markup of the walkable elements, so the cross-check covers the walk's own path.</summary>
    private static void AppendNested(StringBuilder fragment, Random random, int depth, bool inlineOnly)
    {
        var children = random.Next(1, 5);
        for (var c = 0; c < children; c++)
        {
            if (depth > 4 || random.Next(3) == 0)
            {
                fragment.Append(Texts[random.Next(NestedTexts)]);
                continue;
            }

            var tag = Tags[random.Next(WalkableTags)];
            var inline = tag is "span" or "a" or "b" or "i" or "em" or "strong" or "code" or "small" or "br" or "img";
            if (inlineOnly && !inline)
            {
                tag = "span";
                inline = true;
            }

            fragment.Append('<').Append(tag).Append(random.Next(4) == 0 ? " class=\"c\">" : ">");
            if (tag is "br" or "hr" or "img")
            {
                continue;
            }

            AppendNested(fragment, random, depth + 1, inlineOnly || inline || tag is "p" or "h2" or "h3");
            if (random.Next(10) != 0)
            {
                fragment.Append("</").Append(tag).Append('>');
            }
        }
    }
}
