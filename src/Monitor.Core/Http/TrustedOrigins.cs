using Monitor.Core.Accounts;

namespace Monitor.Core.Http;

/// <summary>
/// The origins an account's fetch may reach even when they are private: the account's own URL (the operator listed
/// it), the instance of a <c>user@instance</c> handle, and the platform's configured base URLs.
/// </summary>
internal static class TrustedOrigins
{
    public static bool Contains(Uri url, TrackedAccount? account, IEnumerable<string?> platformBaseUrls)
    {
        var origin = Origin(url);
        return platformBaseUrls.Any(baseUrl => OriginOf(baseUrl) == origin)
            || (account is not null && HandleOrigin(account.Handle) == origin);
    }

    /// <summary><c>scheme://host:port</c>, lower case, with the port always written.</summary>
    public static string Origin(Uri url) => $"{url.Scheme}://{url.IdnHost}:{url.Port}".ToLowerInvariant();

    private static string? OriginOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && IsHttp(uri) ? Origin(uri) : null;

    private static string? HandleOrigin(string handle)
    {
        var text = handle.Trim();
        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && IsHttp(uri))
        {
            return Origin(uri);
        }

        // @user@instance (Mastodon): the instance is the account's origin.
        var at = text.LastIndexOf('@');
        return at > 0 && Uri.CheckHostName(text[(at + 1)..]) == UriHostNameType.Dns ? OriginOf("https://" + text[(at + 1)..]) : null;
    }

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
}
