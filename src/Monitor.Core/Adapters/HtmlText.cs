using System.Net;
using AngleSharp.Dom;

namespace Monitor.Core.Adapters;

/// <summary>Turns platform HTML (feed summaries, Mastodon content, Telegram messages) into the plain text stored in posts.</summary>
/// <remarks>
/// Safe to call from any number of threads: each call has its own tokenizer, and the DOM parser that markup beyond
/// simple post HTML falls back to is one per thread.
/// </remarks>
public static class HtmlText
{
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
            return Collapse(html);
        }

        if (html.IndexOf('<', StringComparison.Ordinal) < 0)
        {
            return Collapse(WebUtility.HtmlDecode(html));
        }

        var builder = new PlainTextBuilder(html.Length);
        if (!HtmlTokenText.TryAppend(html, builder))
        {
            // Markup whose tree differs from its token order (tables, misnesting, raw text): parse it properly.
            builder = new PlainTextBuilder(html.Length);
            HtmlDomText.AppendParsed(html, builder);
        }

        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>The visible text of an element already parsed, by the same rules as <see cref="ToPlainText(string?)"/>.</summary>
    internal static string? NodeToPlainText(INode node)
    {
        var builder = new PlainTextBuilder(256);
        HtmlDomText.AppendChildren(node, builder);
        return builder.Length == 0 ? null : builder.ToString();
    }

    private static string Collapse(string text)
    {
        var builder = new PlainTextBuilder(text.Length);
        builder.Append(text);
        return builder.ToString();
    }
}
