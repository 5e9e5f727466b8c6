namespace Monitor.Core.Accounts.Discovery;

/// <summary>
/// Recognises a link to an account's profile page and returns the platform and handle as account lists write them.
/// Only profile pages count: share buttons, intents, posts and search pages are not accounts.
/// </summary>
internal static class SocialProfileLink
{
    private static readonly HashSet<string> XReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "home", "i", "intent", "share", "search", "hashtag", "explore", "settings", "login", "signup", "privacy", "tos",
        "messages", "notifications", "compose", "widgets.js",
    };

    private static readonly HashSet<string> FacebookReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "sharer.php", "sharer", "share.php", "share", "dialog", "plugins", "tr", "login.php", "login", "groups", "events",
        "watch", "photo.php", "story.php", "permalink.php", "profile.php", "pages", "hashtag", "help", "policies", "privacy",
    };

    private static readonly HashSet<string> TelegramReserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "share", "joinchat", "addstickers", "proxy", "socks", "iv", "login",
    };

    /// <summary>
    /// The platform and handle a link points to, or null. <paramref name="relMe"/>: the link carries <c>rel="me"</c>,
    /// Mastodon's profile verification, which is what marks <c>https://instance/@user</c> on an unknown host as Mastodon.
    /// </summary>
    public static (string Platform, string Handle)? Classify(Uri url, bool relMe)
    {
        if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
        {
            return null;
        }

        var host = url.IdnHost.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host.StartsWith("mobile.", StringComparison.Ordinal) ? host[7..] : host;
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        return host switch
        {
            "x.com" or "twitter.com" => segments.Length == 1 && !XReserved.Contains(segments[0]) ? (Platforms.X, segments[0]) : null,
            "facebook.com" or "m.facebook.com" or "fb.com" =>
                segments.Length == 1 && !FacebookReserved.Contains(segments[0]) ? (Platforms.Facebook, segments[0]) : null,
            "youtube.com" or "m.youtube.com" => YouTube(segments),
            "bsky.app" => segments.Length == 2 && segments[0] == "profile" ? (Platforms.Bluesky, segments[1]) : null,
            "t.me" or "telegram.me" => Telegram(segments),
            _ => relMe && segments.Length == 1 && segments[0].Length > 1 && segments[0][0] == '@'
                ? (Platforms.Mastodon, $"{segments[0]}@{host}")
                : null,
        };
    }

    private static (string, string)? YouTube(string[] segments) => segments switch
    {
        ["channel", var id] => (Platforms.YouTube, id),
        [var handle] when handle.StartsWith('@') => (Platforms.YouTube, handle),
        _ => null,
    };

    private static (string, string)? Telegram(string[] segments) => segments switch
    {
        ["s", var channel] => (Platforms.Telegram, channel),
        [var channel] when !TelegramReserved.Contains(channel) && !channel.StartsWith('+') => (Platforms.Telegram, channel),
        _ => null,
    };
}
