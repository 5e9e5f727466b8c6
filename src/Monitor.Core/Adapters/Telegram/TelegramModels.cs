namespace Monitor.Core.Adapters.Telegram;

/// <summary>What one <c>/s/&lt;channel&gt;</c> preview page shows.</summary>
/// <param name="IsChannel">False when t.me served its generic contact page: no such public channel.</param>
/// <param name="Subscribers">The subscriber counter of the channel header, when shown.</param>
/// <param name="Messages">Messages on the page, in page order (oldest first), without service messages.</param>
/// <param name="OldestId">The smallest message id on the page, service messages included; null on an empty page.</param>
internal sealed record TelegramPreviewPage(bool IsChannel, long? Subscribers, IReadOnlyList<TelegramMessage> Messages, long? OldestId);

/// <summary>One message widget (<c>div.tgme_widget_message</c>); <c>Media</c>: its photos' and videos' file links, in page order.</summary>
internal sealed record TelegramMessage(
    long Id,
    string Url,
    DateTimeOffset PublishedAt,
    string? Text,
    long? Views,
    bool Forwarded,
    bool IsReply,
    string? Author,
    IReadOnlyList<string?>? Media = null);
