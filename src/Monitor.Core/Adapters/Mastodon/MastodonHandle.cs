using System.Text.RegularExpressions;

namespace Monitor.Core.Adapters.Mastodon;

/// <summary>A Mastodon account address: <c>@user@instance</c>, <c>user@instance</c> or <c>https://instance/@user</c>.</summary>
/// <param name="Username">Local username on its instance.</param>
/// <param name="Origin">The instance's origin (<c>https://instance/</c>; http only for loopback profile URLs).</param>
internal sealed partial record MastodonHandle(string Username, Uri Origin)
{
    /// <summary>Parses a handle; returns null and an error message when it is not a Mastodon address.</summary>
    public static MastodonHandle? Parse(string? handle, out string? error)
    {
        error = null;
        var text = (handle ?? string.Empty).Trim();
        if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            return ParseProfileUrl(text, ref error);
        }

        var parts = text.TrimStart('@').Split('@');
        if (parts.Length != 2 || !UsernamePattern().IsMatch(parts[0]) || Uri.CheckHostName(parts[1]) != UriHostNameType.Dns
            || !parts[1].Contains('.', StringComparison.Ordinal))
        {
            error = $"'{text}' is not a Mastodon handle; expected @user@instance or https://instance/@user.";
            return null;
        }

        return new MastodonHandle(parts[0], new Uri($"https://{parts[1].ToLowerInvariant()}/"));
    }

    private static MastodonHandle? ParseProfileUrl(string text, ref string? error)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || !string.IsNullOrEmpty(url.Query))
        {
            error = $"'{text}' is not a Mastodon profile URL.";
            return null;
        }

        if (url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            error = $"'{text}': plain http is only allowed for loopback addresses; use https.";
            return null;
        }

        var path = url.AbsolutePath.TrimEnd('/');
        var username = path.StartsWith("/@", StringComparison.Ordinal) ? path[2..] : string.Empty;
        if (!UsernamePattern().IsMatch(username))
        {
            error = $"'{text}' is not a Mastodon profile URL; expected https://instance/@user.";
            return null;
        }

        return new MastodonHandle(username, new Uri($"{url.Scheme}://{url.Authority}/"));
    }

    // Mastodon's Account::USERNAME_RE: letters, digits and underscores, dots and dashes only inside.
    [GeneratedRegex("^[A-Za-z0-9_]+(?:[A-Za-z0-9_.-]+[A-Za-z0-9_]+)?$")]
    private static partial Regex UsernamePattern();
}
