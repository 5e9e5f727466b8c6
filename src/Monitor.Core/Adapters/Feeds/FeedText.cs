using System.Net;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>A text construct of a feed: plain text, or HTML to be stripped.</summary>
internal readonly record struct FeedText(string Value, bool IsHtml)
{
    public static FeedText? Html(string? value) => string.IsNullOrWhiteSpace(value) ? null : new FeedText(value, true);

    public static FeedText? Plain(string? value) => string.IsNullOrWhiteSpace(value) ? null : new FeedText(value, false);

    /// <summary>
    /// Visible text with whitespace collapsed. Plain text is encoded first so that a literal <c>&lt;</c> in it
    /// is not taken for a tag by the HTML parser.
    /// </summary>
    public string? ToPlainText() => HtmlText.ToPlainText(IsHtml ? Value : WebUtility.HtmlEncode(Value));
}
