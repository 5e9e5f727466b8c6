using System.Net;
using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters.YouTube;

/// <summary>Fetches a channel's public Atom feed (no key, no quota): the latest ~15 uploads with views and likes.</summary>
internal sealed class YouTubeFeedClient(HttpClient client, YouTubeOptions options, TimeProvider time, ILogger logger)
{
    private readonly Uri baseUri = new((options.BaseUrl ?? YouTubeOptions.DefaultBaseUrl).TrimEnd('/') + "/");

    public async Task<YouTubeResponse<YouTubeFeed>> GetAsync(string channelId, PollCursor cursor, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, "feeds/videos.xml?channel_id=" + Uri.EscapeDataString(channelId)));
        ConditionalRequest.AddValidators(request, cursor);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Log.YouTubeRequested(logger, request.RequestUri!.AbsolutePath, (int)response.StatusCode);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return YouTubeResponse<YouTubeFeed>.Of(new YouTubeFeed([], true, ConditionalRequest.ReadValidators(response, cursor), RetryAfterHeader.ReadMaxAge(response)));
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return YouTubeResponse<YouTubeFeed>.Fail(FetchResult.Failed(PollStatus.NotFound,
                $"YouTube channel {channelId} has no feed (HTTP 404): the channel does not exist or was removed.", 404));
        }

        if (!response.IsSuccessStatusCode)
        {
            return YouTubeResponse<YouTubeFeed>.Fail(HttpFailures.ToResult(response, time.GetUtcNow()));
        }

        var body = await ResponseReader.ReadBytesAsync(response, options.MaxResponseBytes, cancellationToken);
        var entries = YouTubeFeedParser.Parse(body);
        return YouTubeResponse<YouTubeFeed>.Of(new YouTubeFeed(entries, false, ConditionalRequest.ReadValidators(response, cursor), RetryAfterHeader.ReadMaxAge(response)));
    }
}
