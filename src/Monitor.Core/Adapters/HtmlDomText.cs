using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitor.Core.Adapters;

/// <summary>
/// The visible text of a DOM: text nodes in document order, <c>script</c>, <c>style</c> and <c>template</c> skipped,
/// a line break for <c>br</c> and around block elements. Markup the token walk cannot follow is parsed here.
/// </summary>
internal static class HtmlDomText
{
    // AngleSharp does not promise that one parser may serve several threads at once: one per thread.
    [ThreadStatic]
    private static HtmlParser? parser;

    /// <summary>Parses <paramref name="html"/> as the content of a document's body and appends its text.</summary>
    public static void AppendParsed(string html, PlainTextBuilder builder)
    {
        parser ??= new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument("<body>" + html);
        AppendChildren(document.Body!, builder);
    }

    public static void AppendChildren(INode node, PlainTextBuilder builder)
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
                    builder.AppendLineBreak();
                    break;
                case IElement element:
                    var block = IsBlock(element.LocalName);
                    if (block) builder.AppendLineBreak();
                    AppendChildren(element, builder);
                    if (block) builder.AppendLineBreak();
                    break;
            }
        }
    }

    public static bool IsBlock(string name) => name is "p" or "div" or "li" or "ul" or "ol" or "blockquote"
        or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "pre" or "table" or "tr" or "section" or "article"
        or "header" or "footer" or "figure" or "figcaption" or "hr";
}
