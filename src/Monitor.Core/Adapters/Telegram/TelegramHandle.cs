using System.Text.RegularExpressions;

namespace Monitor.Core.Adapters.Telegram;

/// <summary>Channel handles as users write them: <c>@channel</c>, <c>channel</c>, <c>t.me/channel</c>, <c>https://t.me/s/channel</c>.</summary>
internal static partial class TelegramHandle
{
    /// <summary>The bare channel username, or null when the handle is not a public channel username.</summary>
    public static string? TryNormalize(string? handle)
    {
        var value = (handle ?? string.Empty).Trim();
        var match = LinkPattern().Match(value);
        if (match.Success)
        {
            value = match.Groups["name"].Value;
        }

        value = value.TrimStart('@');
        return UsernamePattern().IsMatch(value) ? value : null;
    }

    // Usernames are 5-32 of a-z, 0-9 and _, starting with a letter (core.telegram.org/method/account.updateUsername);
    // 4 is allowed for a few old channels.
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{3,31}$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex(@"^(?:https?://)?(?:www\.)?(?:t\.me|telegram\.me)/(?:s/)?(?<name>[^/?#]+)(?:[/?#].*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex LinkPattern();
}
