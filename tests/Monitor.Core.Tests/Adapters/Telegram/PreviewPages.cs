using System.Globalization;
using System.Text;

namespace Monitor.Core.Tests.Adapters.Telegram;

/// <summary>
/// Generated <c>/s/&lt;channel&gt;</c> pages in the real markup's shape: 20 messages per page, oldest first,
/// message <c>n</c> posted <c>n</c> hours after <see cref="Epoch"/>.
/// </summary>
internal static class PreviewPages
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The page t.me serves for <c>?before=<paramref name="before"/></c> (null: the newest page).</summary>
    public static string Page(long newestId, long? before, int perPage = 20)
    {
        var last = Math.Min(newestId, (before ?? newestId + 1) - 1);
        var first = Math.Max(1, last - perPage + 1);
        var html = new StringBuilder("<!DOCTYPE html><html><body><div class=\"tgme_channel_info_counter\"><span class=\"counter_value\">987</span> "
            + "<span class=\"counter_type\">subscribers</span></div><section class=\"tgme_channel_history js-message_history\">");
        for (var id = first; id <= last && last >= 1; id++)
        {
            html.Append(CultureInfo.InvariantCulture, $"""
                <div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message js-widget_message" data-post="mfa_example/{id}">
                <div class="tgme_widget_message_text js-message_text" dir="auto">Message {id}</div>
                <div class="tgme_widget_message_footer compact js-message_footer"><div class="tgme_widget_message_info short js-message_info">
                <span class="tgme_widget_message_views">{id}</span><span class="copyonly"> views</span><span class="tgme_widget_message_meta"><a class="tgme_widget_message_date" href="https://t.me/mfa_example/{id}"><time datetime="{Epoch.AddHours(id):yyyy-MM-ddTHH:mm:ss+00:00}" class="time">00:00</time></a></span>
                </div></div></div></div>
                """);
        }

        return html.Append("</section></body></html>").ToString();
    }
}
