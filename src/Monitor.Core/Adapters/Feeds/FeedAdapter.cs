using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Diagnostics;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// The <c>rss</c> platform: one conditional GET of the feed URL, the format detected from the body, each entry
/// mapped to a post. Edits are detected by the store from content and <see cref="Posts.Post.UpdatedAt"/>.
/// </summary>
internal sealed class FeedAdapter(
    IHttpClientFactory httpClients,
    IOptions<FeedOptions> options,
    TimeProvider time,
    ILogger<FeedAdapter> logger) : IPlatformAdapter
{
    // Feeds first, JSON Feed and generic XML next, anything last: the body decides, not the label.
    private const string Accept =
        "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, "
        + "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    public string Platform => Platforms.Rss;

    public AdapterCapabilities Capabilities { get; } = new(ConditionalGet: true, EditDetection: true);

    public string? ValidateHandle(string handle)
    {
        // On Unix "/feed.xml" parses as an absolute file URI; it is a relative path here.
        var value = handle?.Trim() ?? string.Empty;
        if (value.StartsWith('/') || !Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            return "The handle of an rss account must be the feed's absolute URL, e.g. https://example.org/feed.xml.";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"The feed URL must use http or https, not '{uri.Scheme}'.";
        }

        // Credentials in the URL would end up in logs and exports.
        return uri.UserInfo.Length > 0 ? "The feed URL must not contain a user name or password." : null;
    }

    public async Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        if (ValidateHandle(request.Account.Handle) is { } invalid)
        {
            return FetchResult.Failed(PollStatus.Error, invalid);
        }

        var feedUrl = new Uri(request.Account.Handle.Trim(), UriKind.Absolute);
        var logUrl = feedUrl.GetLeftPart(UriPartial.Path);
        using var message = new HttpRequestMessage(HttpMethod.Get, feedUrl);
        message.Headers.Accept.ParseAdd(Accept);
        ConditionalRequest.AddValidators(message, request.Cursor);

        var client = httpClients.CreateClient(AdapterRegistration.HttpClientName(Platform));
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var cacheHint = RetryAfterHeader.ReadMaxAge(response);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            Log.FeedNotModified(logger, logUrl);
            return new FetchResult
            {
                Status = PollStatus.NotModified,
                HttpStatus = (int)response.StatusCode,
                Cursor = ConditionalRequest.ReadValidators(response, request.Cursor),
                CacheHint = cacheHint,
            };
        }

        if (!response.IsSuccessStatusCode)
        {
            Log.FeedHttpFailed(logger, logUrl, (int)response.StatusCode);
            return HttpFailures.ToResult(response, time.GetUtcNow());
        }

        var body = await ResponseReader.ReadBytesAsync(response, options.Value.MaxResponseBytes, cancellationToken);
        var feed = FeedParser.Parse(body, options.Value.MaxEntries, feedUrl);
        var posts = FeedEntryMapper.Map(feed, feedUrl, time.GetUtcNow());
        Log.FeedParsed(logger, logUrl, feed.Format.ToString(), feed.Entries.Count, posts.Count);
        return new FetchResult
        {
            Status = PollStatus.Ok,
            HttpStatus = (int)response.StatusCode,
            Posts = posts,
            // The validators vouch for the body as sent; a repaired or truncated reading must not be answered with a
            // 304 next time, so they are dropped and the next poll fetches the document whole again.
            Cursor = feed.Notes is null
                ? ConditionalRequest.ReadValidators(response, request.Cursor)
                : request.Cursor with { ETag = null, LastModified = null },
            CacheHint = Longer(feed.Ttl, cacheHint),
            Notes = feed.Notes,
        };
    }

    private static TimeSpan? Longer(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
