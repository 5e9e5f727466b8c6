namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// <c>xml:base</c> (the XML Base recommendation): each element's base is its own <c>xml:base</c> resolved against its
/// parent's base (RFC 3986 §5), the document URL at the top; a relative link resolves against the innermost base.
/// </summary>
internal static class XmlBase
{
    /// <summary>The base in scope for an element whose <c>xml:base</c> is <paramref name="xmlBase"/> (null: none).</summary>
    public static Uri? Resolve(Uri? parent, string? xmlBase)
    {
        var value = xmlBase?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return parent;
        }

        if (parent is not null)
        {
            return Uri.TryCreate(parent, value, out var resolved) ? resolved : parent;
        }

        // On Unix "/feed/" parses as an absolute file URI; without a parent it is a relative reference with nothing to resolve against.
        return !value.StartsWith('/') && Uri.TryCreate(value, UriKind.Absolute, out var absolute) ? absolute : null;
    }

    /// <summary>
    /// The link resolved against <paramref name="baseUri"/>; an absolute link is kept as written, and a relative one
    /// without a base is returned as is (the mapper resolves it against the feed URL).
    /// </summary>
    public static string? ResolveLink(Uri? baseUri, string? href)
    {
        var value = href?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (baseUri is null || Uri.IsWellFormedUriString(value, UriKind.Absolute))
        {
            return value;
        }

        return Uri.TryCreate(baseUri, value, out var resolved) ? resolved.AbsoluteUri : value;
    }
}
