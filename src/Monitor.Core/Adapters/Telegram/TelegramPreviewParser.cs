using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitor.Core.Adapters.Telegram;

/// <summary>
/// Reads t.me's channel web preview (<c>/s/&lt;channel&gt;</c>). The markup is not an API and can change: anything
/// the parser relies on that is missing fails with <see cref="PayloadFormatException"/> naming the selector, rather
/// than quietly yielding no posts.
/// </summary>
internal static class TelegramPreviewParser
{
    public static TelegramPreviewPage Parse(string html, string channel)
    {
        // A parser per page: AngleSharp does not promise that one instance may parse on several threads at once.
        using var document = new HtmlParser(new HtmlParserOptions { IsScripting = false }).ParseDocument(html);
        if (document.QuerySelector(".tgme_channel_history") is null)
        {
            // t.me/<name> (the contact page) has .tgme_page; a preview without either is a layout we do not know.
            return document.QuerySelector(".tgme_page") is not null
                ? new TelegramPreviewPage(false, null, [], null)
                : throw new PayloadFormatException(
                    "Telegram preview page has no '.tgme_channel_history' container: the t.me layout has changed or this is not a preview page.");
        }

        var widgets = document.QuerySelectorAll(".tgme_channel_history .tgme_widget_message[data-post]");
        // Service messages ("pinned ...", "channel created") are not posts, but their ids still move paging back.
        var messages = widgets
            .Where(m => !m.ClassList.Contains("service_message"))
            .Select(m => ParseMessage(m, channel))
            .ToArray();
        long? oldest = widgets.Count == 0 ? null : widgets.Min(IdOf);
        return new TelegramPreviewPage(true, Subscribers(document), messages, oldest);
    }

    private static long IdOf(IElement message)
    {
        var dataPost = message.GetAttribute("data-post") ?? string.Empty;
        var slash = dataPost.LastIndexOf('/');
        return slash >= 0 && long.TryParse(dataPost.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new PayloadFormatException($"Telegram message has an unreadable data-post '{dataPost}' (expected 'channel/123').");
    }

    private static TelegramMessage ParseMessage(IElement message, string channel)
    {
        var id = IdOf(message);
        var dataPost = message.GetAttribute("data-post");
        var date = message.QuerySelector(".tgme_widget_message_date time[datetime]");
        if (date is null || !DateTimeOffset.TryParse(date.GetAttribute("datetime"), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var published))
        {
            throw new PayloadFormatException($"Telegram message {dataPost} has no '.tgme_widget_message_date time[datetime]'.");
        }

        var link = message.QuerySelector("a.tgme_widget_message_date")?.GetAttribute("href");
        return new TelegramMessage(
            id,
            link is not null && link.StartsWith("https://", StringComparison.Ordinal) ? link : $"https://t.me/{channel}/{id}",
            published.ToUniversalTime(),
            Text(message),
            TelegramCount.Parse(message.QuerySelector(".tgme_widget_message_views")?.TextContent),
            message.QuerySelector(".tgme_widget_message_forwarded_from") is not null,
            message.QuerySelector(".tgme_widget_message_reply") is not null,
            NullIfBlank(message.QuerySelector(".tgme_widget_message_from_author")?.TextContent),
            Media(message));
    }

    /// <summary>
    /// The files the page shows: a photo is the <c>background-image</c> of its <c>a.tgme_widget_message_photo_wrap</c>,
    /// a video the <c>src</c> of its <c>video.tgme_widget_message_video</c> (a video too large to preview has none).
    /// A replied-to message's thumbnail belongs to that message.
    /// </summary>
    private static string?[] Media(IElement message) =>
        message.QuerySelectorAll("a.tgme_widget_message_photo_wrap, video.tgme_widget_message_video[src]")
            .Where(e => e.Closest(".tgme_widget_message_reply") is null)
            .Select(e => e.LocalName == "video" ? e.GetAttribute("src") : BackgroundImage(e.GetAttribute("style")))
            .ToArray();

    // The page writes background-image:url('…') (CSS url() with or without quotes: https://www.w3.org/TR/css-values-4/#urls).
    private static string? BackgroundImage(string? style)
    {
        const string Marker = "background-image:url(";
        var start = style?.IndexOf(Marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        var end = start < 0 ? -1 : style!.IndexOf(')', start + Marker.Length);
        return end < 0 ? null : style![(start + Marker.Length)..end].Trim().Trim('\'', '"');
    }

    /// <summary>
    /// The message's own text, read from the page's DOM (not re-parsed from its inner HTML): a reply's quoted snippet
    /// reuses the text class and comes first, so skip it.
    /// </summary>
    private static string? Text(IElement message)
    {
        var text = message.QuerySelectorAll(".tgme_widget_message_text")
            .FirstOrDefault(e => e.Closest(".tgme_widget_message_reply") is null);
        return text is null ? null : HtmlText.NodeToPlainText(text);
    }

    private static long? Subscribers(IDocument document)
    {
        foreach (var counter in document.QuerySelectorAll(".tgme_channel_info_counter"))
        {
            var type = counter.QuerySelector(".counter_type")?.TextContent ?? string.Empty;
            if (type.StartsWith("subscriber", StringComparison.OrdinalIgnoreCase))
            {
                return TelegramCount.Parse(counter.QuerySelector(".counter_value")?.TextContent);
            }
        }

        return null;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
