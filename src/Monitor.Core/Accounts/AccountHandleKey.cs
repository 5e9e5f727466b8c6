using System.Security.Cryptography;
using System.Text;

namespace Monitor.Core.Accounts;

/// <summary>
/// One spelling per account handle, so that <c>@FCDOGovUK</c> and <c>fcdogovuk</c>, or <c>user@host</c> and
/// <c>https://host/@user</c>, compare equal; and the id fragment made from it.
/// </summary>
public static class AccountHandleKey
{
    private const int MaxSlugLength = 48;

    /// <summary>The handle's comparison form on <paramref name="platform"/> (case kept only for YouTube channel ids).</summary>
    public static string Normalize(string platform, string handle)
    {
        var text = handle.Trim();
        switch (Platforms.Normalize(platform))
        {
            case Platforms.Rss:
                text = StripPrefix(StripPrefix(text, "https://"), "http://");
                return StripPrefix(text, "www.").TrimEnd('/').ToLowerInvariant();
            case Platforms.Mastodon:
                if (Uri.TryCreate(text, UriKind.Absolute, out var profile) && profile.AbsolutePath.StartsWith("/@", StringComparison.Ordinal))
                {
                    return $"{profile.AbsolutePath[2..].TrimEnd('/')}@{profile.Host}".ToLowerInvariant();
                }

                return text.TrimStart('@').ToLowerInvariant();
            case Platforms.Bluesky:
                return StripPrefix(text, "https://bsky.app/profile/").TrimEnd('/').TrimStart('@').ToLowerInvariant();
            case Platforms.Telegram:
                return StripPrefix(StripPrefix(text, "https://t.me/"), "t.me/").TrimStart('@').ToLowerInvariant();
            case Platforms.YouTube when text.StartsWith("UC", StringComparison.Ordinal):
                return text;
            default:
                return text.TrimStart('@').ToLowerInvariant();
        }
    }

    /// <summary>
    /// The handle as an id fragment: lower case, runs of characters an id may not hold replaced by <c>-</c>; a long one is
    /// cut and given a hash of the whole so that it stays unique.
    /// </summary>
    public static string Slug(string platform, string handle)
    {
        var key = Normalize(platform, handle);
        var slug = new StringBuilder(key.Length);
        foreach (var c in key.ToLowerInvariant())
        {
            var keep = char.IsAsciiLetterOrDigit(c) || c is '.' or '_';
            if (keep)
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var text = slug.ToString().Trim('-', '.');
        if (text.Length <= MaxSlugLength)
        {
            return text;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
        return $"{text[..(MaxSlugLength - 9)].TrimEnd('-', '.')}-{hash}";
    }

    private static string StripPrefix(string text, string prefix) =>
        text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text[prefix.Length..] : text;
}
