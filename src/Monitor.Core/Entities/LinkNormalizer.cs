using System.Text;

namespace Monitor.Core.Entities;

/// <summary>
/// One spelling per link, so that the same page shared twice counts once: scheme and host lower case (RFC 3986 §6.2.2.1),
/// the scheme's default port dropped (§6.2.3), the fragment dropped (it never reaches the server), user information
/// dropped (it may hold a password), and the query's tracking parameters removed (<see cref="IsTracking"/>); the
/// other parameters keep their order. Only absolute http and https links are links here.
/// </summary>
public static class LinkNormalizer
{
    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
        "_hsenc", "_hsmi", "mkt_tok", "ref_src", "ref_url", "twclid", "ttclid", "li_fat_id",
    };

    /// <summary>The link's normal form, or null when it is not an absolute http(s) URL.</summary>
    public static string? Normalize(string link)
    {
        if (!Uri.TryCreate(link.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || string.IsNullOrEmpty(uri.Host))
        {
            return null;
        }

        var text = new StringBuilder(link.Length);
        text.Append(uri.Scheme).Append("://").Append(uri.Host.ToLowerInvariant());
        if (!uri.IsDefaultPort)
        {
            text.Append(':').Append(uri.Port);
        }

        text.Append(uri.GetComponents(UriComponents.Path | UriComponents.KeepDelimiter, UriFormat.UriEscaped) is { Length: > 0 } path ? path : "/");
        var kept = uri.GetComponents(UriComponents.Query, UriFormat.UriEscaped)
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(parameter => !IsTracking(parameter.Split('=', 2)[0]))
            .ToArray();
        if (kept.Length > 0)
        {
            text.Append('?').AppendJoin('&', kept);
        }

        return text.ToString();
    }

    /// <summary>Campaign and click-id parameters: <c>utm_*</c> (Google Analytics' campaign tags) and the click ids of the large ad networks.</summary>
    public static bool IsTracking(string parameterName) =>
        parameterName.StartsWith("utm_", StringComparison.OrdinalIgnoreCase) || TrackingNames.Contains(parameterName);
}
