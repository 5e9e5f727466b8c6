namespace Monitor.Core.Accounts;

/// <summary>
/// Platform keys as they appear in account lists, settings (<c>Monitor:Platforms:&lt;Platform&gt;</c>) and exports.
/// A platform is a lowercase string rather than an enum so that adding one is a folder plus a registration line:
/// an account's platform is valid when an adapter with that key is registered.
/// </summary>
public static class Platforms
{
    /// <summary>RSS 2.0, RSS 1.0/RDF, Atom 1.0 and JSON Feed 1.1; the handle is the feed URL.</summary>
    public const string Rss = "rss";
    public const string Mastodon = "mastodon";
    public const string Bluesky = "bluesky";
    public const string YouTube = "youtube";
    public const string X = "x";
    public const string Facebook = "facebook";
    public const string Telegram = "telegram";

    /// <summary>Normalises a platform key as written by a user (trimmed, lowercase).</summary>
    public static string Normalize(string? platform) => (platform ?? string.Empty).Trim().ToLowerInvariant();
}
