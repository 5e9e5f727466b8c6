using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Monitor.Core.Adapters.Mastodon;

/// <summary>
/// Reads Mastodon's pagination <c>Link</c> header (docs: api/guidelines#pagination): <c>rel="next"</c> carries the
/// <c>max_id</c> of the older page, <c>rel="prev"</c> the <c>min_id</c> of the newer one. Only the ids are taken, so
/// requests stay on the configured origin even when the server names itself differently (proxies).
/// </summary>
internal static partial class MastodonLinkHeader
{
    /// <summary>The <c>max_id</c> of the <c>next</c> (older) link and the <c>min_id</c> of the <c>prev</c> (newer) link.</summary>
    public static (string? NextMaxId, string? PrevMinId) Read(HttpResponseHeaders headers)
    {
        string? nextMaxId = null, prevMinId = null;
        if (!headers.TryGetValues("Link", out var values))
        {
            return (null, null);
        }

        foreach (Match link in LinkPattern().Matches(string.Join(",", values)))
        {
            var rel = link.Groups["rel"].Value;
            if (rel.Equals("next", StringComparison.OrdinalIgnoreCase))
            {
                nextMaxId = QueryValue(link.Groups["url"].Value, "max_id");
            }
            else if (rel.Equals("prev", StringComparison.OrdinalIgnoreCase))
            {
                prevMinId = QueryValue(link.Groups["url"].Value, "min_id");
            }
        }

        return (nextMaxId, prevMinId);
    }

    private static string? QueryValue(string url, string name)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal) is var start and >= 0 ? url[(start + 1)..] : string.Empty;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair.AsSpan(0, equals).Equals(name, StringComparison.Ordinal))
            {
                var value = Uri.UnescapeDataString(pair[(equals + 1)..]);
                return value.Length > 0 && value.All(char.IsAsciiDigit) ? value : null;
            }
        }

        return null;
    }

    [GeneratedRegex("""<(?<url>[^>]*)>\s*;\s*rel="?(?<rel>[A-Za-z]+)"?""")]
    private static partial Regex LinkPattern();
}
