namespace Monitor.Core.Adapters.YouTube;

// Wire types of the YouTube Data API v3 (camelCase JSON; counts are strings, read as numbers).
// https://developers.google.com/youtube/v3/docs/channels, .../playlistItems, .../videos, .../errors
// Parameters without a default are required: a body lacking them is malformed.

internal sealed record YouTubeChannelList(IReadOnlyList<YouTubeChannel>? Items = null);

internal sealed record YouTubeChannel(
    string Id, YouTubeChannelStatistics? Statistics = null, YouTubeChannelContent? ContentDetails = null, YouTubeChannelSnippet? Snippet = null);

/// <summary><c>customUrl</c> is the channel's @handle (lower-cased by YouTube), when it has one.</summary>
internal sealed record YouTubeChannelSnippet(string? Title = null, string? CustomUrl = null, DateTimeOffset? PublishedAt = null);

/// <summary><c>subscriberCount</c> is absent when the channel hides it (<c>hiddenSubscriberCount</c>).</summary>
internal sealed record YouTubeChannelStatistics(long? SubscriberCount = null, long? VideoCount = null);

internal sealed record YouTubeChannelContent(YouTubeRelatedPlaylists? RelatedPlaylists = null);

internal sealed record YouTubeRelatedPlaylists(string? Uploads = null);

internal sealed record YouTubePlaylistItemList(IReadOnlyList<YouTubePlaylistItem>? Items = null, string? NextPageToken = null);

internal sealed record YouTubePlaylistItem(YouTubePlaylistSnippet? Snippet = null, YouTubePlaylistContent? ContentDetails = null);

internal sealed record YouTubePlaylistSnippet(
    DateTimeOffset? PublishedAt = null, string? Title = null, string? Description = null, string? ChannelTitle = null, YouTubeResourceId? ResourceId = null,
    YouTubeThumbnails? Thumbnails = null);

/// <summary>A snippet's <c>thumbnails</c> by size key; a video has only some of them (<c>maxres</c> needs an HD upload).</summary>
internal sealed record YouTubeThumbnails(
    YouTubeThumbnail? Default = null, YouTubeThumbnail? Medium = null, YouTubeThumbnail? High = null, YouTubeThumbnail? Standard = null, YouTubeThumbnail? Maxres = null)
{
    /// <summary>The largest one given.</summary>
    public string? Largest => (Maxres ?? Standard ?? High ?? Medium ?? Default)?.Url;
}

internal sealed record YouTubeThumbnail(string? Url = null);

internal sealed record YouTubeResourceId(string? VideoId = null);

/// <summary><c>videoPublishedAt</c> is the video's publication; the snippet's <c>publishedAt</c> is when it joined the playlist.</summary>
internal sealed record YouTubePlaylistContent(string? VideoId = null, DateTimeOffset? VideoPublishedAt = null);

internal sealed record YouTubeVideoList(IReadOnlyList<YouTubeVideo>? Items = null);

internal sealed record YouTubeVideo(string Id, YouTubePlaylistSnippet? Snippet = null, YouTubeVideoStatistics? Statistics = null);

internal sealed record YouTubeVideoStatistics(long? ViewCount = null, long? LikeCount = null);

internal sealed record YouTubeErrorResponse(YouTubeError? Error = null);

/// <summary>Newer errors add <c>details[]</c> (google.rpc.ErrorInfo): an invalid key is <c>badRequest</c> with detail reason <c>API_KEY_INVALID</c>.</summary>
internal sealed record YouTubeError(int? Code = null, IReadOnlyList<YouTubeErrorItem>? Errors = null, IReadOnlyList<YouTubeErrorItem>? Details = null);

internal sealed record YouTubeErrorItem(string? Reason = null);
