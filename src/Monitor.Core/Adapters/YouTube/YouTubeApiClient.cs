using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Monitor.Core.Diagnostics;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters.YouTube;

/// <summary>The YouTube Data API v3 calls the adapter makes (1 quota unit each), over the platform's named HttpClient.</summary>
/// <remarks>
/// The API key travels as the documented <c>key=</c> query parameter, so request URIs are never logged or put into
/// errors here (paths only), and the HttpClient's default request logging is removed at registration.
/// </remarks>
internal sealed class YouTubeApiClient(HttpClient client, YouTubeOptions options, TimeProvider time, ILogger logger)
{
    /// <summary>Largest <c>maxResults</c> of playlistItems.list, and most ids per videos.list.</summary>
    public const int PageSize = 50;

    private readonly Uri apiBase = new(options.ApiBaseUrl.TrimEnd('/') + "/");

    /// <summary><c>channels.list?part=id&amp;forHandle=</c>: the channel id of an @handle.</summary>
    public Task<YouTubeResponse<YouTubeChannelList>> FindChannelByHandleAsync(string handle, CancellationToken cancellationToken) =>
        GetAsync($"channels?part=id&forHandle={Uri.EscapeDataString(handle)}", YouTubeJsonContext.Default.YouTubeChannelList, cancellationToken);

    /// <summary>
    /// <c>channels.list?part=snippet,statistics,contentDetails</c> (1 unit whatever the parts): the current @handle
    /// (<c>customUrl</c>), subscriber and video counts, and the uploads playlist.
    /// </summary>
    public Task<YouTubeResponse<YouTubeChannelList>> GetChannelAsync(string channelId, CancellationToken cancellationToken) =>
        GetAsync($"channels?part=snippet,statistics,contentDetails&id={Uri.EscapeDataString(channelId)}", YouTubeJsonContext.Default.YouTubeChannelList, cancellationToken);

    /// <summary>One page of <c>playlistItems.list</c> on the uploads playlist, newest first.</summary>
    public Task<YouTubeResponse<YouTubePlaylistItemList>> GetUploadsPageAsync(string playlistId, string? pageToken, CancellationToken cancellationToken) =>
        GetAsync($"playlistItems?part=snippet,contentDetails&playlistId={Uri.EscapeDataString(playlistId)}&maxResults={PageSize}"
            + (pageToken is null ? string.Empty : "&pageToken=" + Uri.EscapeDataString(pageToken)),
            YouTubeJsonContext.Default.YouTubePlaylistItemList, cancellationToken);

    /// <summary>
    /// <c>videos.list?part=snippet,statistics</c> for up to 50 ids (1 unit): ids missing from the answer are deleted or no
    /// longer public; the videos returned come back with current title, description and counts.
    /// </summary>
    public Task<YouTubeResponse<YouTubeVideoList>> GetVideosAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
        GetAsync($"videos?part=snippet,statistics&id={string.Join(',', ids.Select(Uri.EscapeDataString))}&maxResults={PageSize}",
            YouTubeJsonContext.Default.YouTubeVideoList, cancellationToken);

    private async Task<YouTubeResponse<T>> GetAsync<T>(string relativeUrl, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        var uri = new Uri(apiBase, relativeUrl + "&key=" + Uri.EscapeDataString(options.ApiKey ?? string.Empty));
        var path = uri.AbsolutePath;
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        Log.YouTubeRequested(logger, path, (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            return YouTubeResponse<T>.Fail(await YouTubeApiFailures.FromResponseAsync(response, options.MaxResponseBytes, time.GetUtcNow(), cancellationToken));
        }

        var body = await ResponseReader.ReadBytesAsync(response, options.MaxResponseBytes, cancellationToken);
        return YouTubeResponse<T>.Of(JsonPayload.Parse(body, type, "YouTube Data API " + path));
    }
}
