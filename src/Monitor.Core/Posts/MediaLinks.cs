namespace Monitor.Core.Posts;

/// <summary>What a post's media list holds: the one rule every adapter maps its wire format's media URLs through.</summary>
public static class MediaLinks
{
    /// <summary>
    /// The usable links in order: trimmed, resolved against <paramref name="baseUrl"/> when relative, absolute
    /// http(s) only (a <c>data:</c> or <c>javascript:</c> link is no media link), the first of duplicates kept.
    /// </summary>
    public static IReadOnlyList<string> Of(IEnumerable<string?> links, Uri? baseUrl = null)
    {
        List<string>? result = null;
        foreach (var link in links)
        {
            if (Resolve(link, baseUrl) is { } url && !(result ??= []).Contains(url, StringComparer.Ordinal))
            {
                result.Add(url);
            }
        }

        return result is null ? [] : result.ToArray();
    }

    /// <summary>True when both lists hold the same links in the same order.</summary>
    public static bool Same(IReadOnlyList<string> left, IReadOnlyList<string> right) => left.SequenceEqual(right, StringComparer.Ordinal);

    private static string? Resolve(string? link, Uri? baseUrl)
    {
        var value = link?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        Uri? uri;
        var resolved = baseUrl is null ? Uri.TryCreate(value, UriKind.Absolute, out uri) : Uri.TryCreate(baseUrl, value, out uri);
        if (!resolved || uri is null || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        // An absolute link is kept as written (it may carry a signed query the CDN checks); a relative one is resolved.
        return Uri.IsWellFormedUriString(value, UriKind.Absolute) ? value : uri.AbsoluteUri;
    }
}
