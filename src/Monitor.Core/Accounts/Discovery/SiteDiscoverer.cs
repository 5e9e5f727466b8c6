using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Http;

namespace Monitor.Core.Accounts.Discovery;

/// <summary>
/// Reads one home page the operator named and proposes account rows (<c>source=discover</c>) for the feeds it announces
/// and the profiles it links to. Only that page is fetched: the links found are printed, never followed.
/// </summary>
public sealed class SiteDiscoverer(
    IHttpClientFactory httpClients, IOptions<DiscoveryOptions> options, AdapterRegistry adapters, ILogger<SiteDiscoverer> logger)
{
    public const string HttpClientName = "monitor-discover";

    /// <summary>Candidate rows for the page at <paramref name="url"/>, country and actor filled in when given.</summary>
    /// <exception cref="SiteDiscoveryException">The page could not be read or is not HTML.</exception>
    public async Task<IReadOnlyList<AccountCsvRow>> DiscoverAsync(Uri url, string country, string actor, CancellationToken cancellationToken)
    {
        var (page, finalUrl) = await FetchAsync(url, cancellationToken);
        using var stream = new MemoryStream(page, writable: false);
        var links = HomePageParser.Parse(stream, finalUrl);
        Log.HomePageRead(logger, url.GetLeftPart(UriPartial.Path), links.Feeds.Count, links.Profiles.Count);

        var site = SiteSlug(finalUrl);
        var rows = new List<AccountCsvRow>();
        foreach (var feed in links.Feeds)
        {
            var path = AccountHandleKey.Slug(Platforms.Rss, feed.Url.PathAndQuery);
            Add(rows, Platforms.Rss, feed.Url.AbsoluteUri, $"{site}-rss-{(path.Length == 0 ? "feed" : path)}", feed.Title ?? links.Title, country, actor);
        }

        foreach (var (platform, handle) in links.Profiles)
        {
            Add(rows, platform, handle, $"{site}-{platform}-{AccountHandleKey.Slug(platform, handle)}", links.Title, country, actor);
        }

        return rows;
    }

    private void Add(List<AccountCsvRow> rows, string platform, string handle, string id, string? name, string country, string actor)
    {
        // A link the platform's adapter would refuse (a YouTube /user/ page, an over-long X name) is no candidate.
        if (!adapters.TryGet(platform, out var adapter) || adapter.ValidateHandle(handle) is not null
            || rows.Any(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        rows.Add(new AccountCsvRow(id, platform, handle, country, actor, Name: name ?? string.Empty, Source: AccountSources.Discover));
    }

    private async Task<(byte[] Page, Uri FinalUrl)> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        var shown = url.GetLeftPart(UriPartial.Path);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html, application/xhtml+xml;q=0.9, */*;q=0.1");
        HttpResponseMessage response;
        try
        {
            response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            || ex.GetType().Namespace?.StartsWith("Polly", StringComparison.Ordinal) == true)
        {
            throw new SiteDiscoveryException($"{shown}: {ex.Message.TrimEnd('.')}.", ex);
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new SiteDiscoveryException($"{shown}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd() + ".");
            }

            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is not null && !type.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                throw new SiteDiscoveryException($"{shown}: not an HTML page (Content-Type {type}).");
            }

            try
            {
                var page = await ResponseReader.ReadBytesAsync(response, options.Value.MaxPageBytes, cancellationToken);
                return (page, response.RequestMessage?.RequestUri ?? url);
            }
            catch (PayloadFormatException ex)
            {
                throw new SiteDiscoveryException($"{shown}: {ex.Message}", ex);
            }
        }
    }

    private static string SiteSlug(Uri url)
    {
        var host = url.IdnHost.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return new string(host.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '-').ToArray());
    }
}

/// <summary>A home page that could not be read; the message names the page (without its query string).</summary>
public sealed class SiteDiscoveryException(string message, Exception? inner = null) : Exception(message, inner);
