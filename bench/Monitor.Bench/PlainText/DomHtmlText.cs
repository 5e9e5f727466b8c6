using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitor.Bench.PlainText;

/// <summary>
/// The baseline: <c>HtmlText</c> as it was before the token walk, verbatim apart from its name — AngleSharp builds a DOM
/// for every fragment (one shared parser, so the bench calls it from one thread only).
/// </summary>
internal static class DomHtmlText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    /// <summary>
    /// Returns the visible text of an HTML fragment: tags removed, entities decoded, block elements and
    /// <c>&lt;br&gt;</c> as line breaks, runs of spaces collapsed. Plain text comes back trimmed and unchanged.
    /// </summary>
    public static string? ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }

        if (html.AsSpan().IndexOfAny('<', '&') < 0)
        {
            return CollapseWhitespace(html);
        }

        if (html.IndexOf('<', StringComparison.Ordinal) < 0)
        {
            return CollapseWhitespace(WebUtility.HtmlDecode(html));
        }

        var document = Parser.ParseDocument("<body>" + html);
        var builder = new StringBuilder(html.Length);
        AppendText(document.Body!, builder);
        var text = CollapseWhitespace(builder.ToString());
        return text.Length == 0 ? null : text;
    }

    private static void AppendText(INode node, StringBuilder builder)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    builder.Append(text.Data);
                    break;
                case IElement element when element.LocalName is "script" or "style" or "template":
                    break;
                case IElement element when element.LocalName == "br":
                    builder.Append('\n');
                    break;
                case IElement element:
                    var block = IsBlock(element.LocalName);
                    if (block) builder.Append('\n');
                    AppendText(element, builder);
                    if (block) builder.Append('\n');
                    break;
            }
        }
    }

    private static bool IsBlock(string name) => name is "p" or "div" or "li" or "ul" or "ol" or "blockquote"
        or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "pre" or "table" or "tr" or "section" or "article"
        or "header" or "footer" or "figure" or "figcaption" or "hr";

    private static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var pendingNewlines = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                pendingNewlines++;
                pendingSpace = false;
            }
            else if (char.IsWhiteSpace(c))
            {
                pendingSpace = pendingNewlines == 0;
            }
            else
            {
                if (builder.Length > 0)
                {
                    if (pendingNewlines > 0) builder.Append(pendingNewlines > 1 ? "\n\n" : "\n");
                    else if (pendingSpace) builder.Append(' ');
                }

                pendingNewlines = 0;
                pendingSpace = false;
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
