using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Monitor.Core.Accounts.Discovery;

/// <summary>
/// Reads a home page's feeds (<c>&lt;link rel="alternate"&gt;</c> with an RSS, RSS 1.0, Atom or JSON Feed type, as the
/// RSS Advisory Board's autodiscovery and JSON Feed 1.1 specify) and the profiles it links to.
/// </summary>
internal static class HomePageParser
{
    // application/json is left out: WordPress announces its REST API with rel="alternate" type="application/json".
    private static readonly HashSet<string> FeedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml",
    };

    public static HomePageLinks Parse(Stream html, Uri pageUrl)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } href && Resolve(pageUrl, href) is { } declared
            ? declared
            : pageUrl;
        var feeds = new List<DiscoveredFeed>();
        var seenFeeds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var link in document.QuerySelectorAll("link[rel][href]"))
        {
            var type = (link.GetAttribute("type") ?? string.Empty).Split(';')[0].Trim();
            if (RelTokens(link).Contains("alternate") && FeedTypes.Contains(type)
                && Resolve(baseUrl, link.GetAttribute("href")!) is { } url && seenFeeds.Add(url.AbsoluteUri))
            {
                feeds.Add(new DiscoveredFeed(url, Clean(link.GetAttribute("title"))));
            }
        }

        var profiles = new List<(string Platform, string Handle)>();
        var seenProfiles = new HashSet<(string, string)>();
        foreach (var link in document.QuerySelectorAll("a[href], link[href], area[href]"))
        {
            if (Resolve(baseUrl, link.GetAttribute("href")!) is { } url
                && SocialProfileLink.Classify(url, RelTokens(link).Contains("me")) is { } profile
                && seenProfiles.Add((profile.Platform, AccountHandleKey.Normalize(profile.Platform, profile.Handle))))
            {
                profiles.Add(profile);
            }
        }

        return new HomePageLinks(Clean(document.Title), feeds, profiles);
    }

    private static HashSet<string> RelTokens(IElement element) =>
        new((element.GetAttribute("rel") ?? string.Empty).Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries),
            StringComparer.OrdinalIgnoreCase);

    private static Uri? Resolve(Uri baseUrl, string href) =>
        Uri.TryCreate(baseUrl, href.Trim(), out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;

    private static string? Clean(string? text)
    {
        var collapsed = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return collapsed.Length == 0 ? null : collapsed.Length > 120 ? collapsed[..120] : collapsed;
    }
}

/// <summary>What a home page announces and links to.</summary>
internal sealed record HomePageLinks(string? Title, IReadOnlyList<DiscoveredFeed> Feeds, IReadOnlyList<(string Platform, string Handle)> Profiles);

/// <summary>A feed a page announces, with the title its link gives, if any.</summary>
internal sealed record DiscoveredFeed(Uri Url, string? Title);
