using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.YouTube;

/// <summary>
/// Maps feed entries and uploads-playlist items to <see cref="Post"/> (PostId = video id). The media link is the
/// video's thumbnail (the feed's <c>media:thumbnail</c>, the API's largest <c>snippet.thumbnails</c>); the video
/// itself is the post's URL.
/// </summary>
internal static class YouTubePostMapper
{
    private const string WatchUrl = "https://www.youtube.com/watch?v=";

    /// <summary>The feed's <c>updated</c> becomes UpdatedAt: it moves forward when the video's title or description is edited.</summary>
    public static Post Map(YouTubeFeedEntry entry) => new()
    {
        PostId = entry.VideoId,
        Url = entry.Url ?? WatchUrl + entry.VideoId,
        PublishedAt = entry.PublishedAt,
        UpdatedAt = entry.UpdatedAt,
        Title = entry.Title,
        Text = HtmlText.ToPlainText(entry.Description),
        Author = entry.Author,
        Metrics = entry.Views is null && entry.Likes is null ? null : new PostMetrics(Likes: entry.Likes, Views: entry.Views),
        Media = MediaLinks.Of([entry.Thumbnail]),
    };

    /// <summary>Null for items without a publication time: private or deleted videos still listed in the playlist.</summary>
    public static Post? Map(YouTubePlaylistItem item)
    {
        var videoId = item.ContentDetails?.VideoId ?? item.Snippet?.ResourceId?.VideoId;
        if (string.IsNullOrEmpty(videoId) || item.ContentDetails?.VideoPublishedAt is not { } publishedAt)
        {
            return null;
        }

        return new Post
        {
            PostId = videoId,
            Url = WatchUrl + videoId,
            PublishedAt = publishedAt,
            Title = item.Snippet?.Title,
            Text = HtmlText.ToPlainText(item.Snippet?.Description),
            Author = item.Snippet?.ChannelTitle,
            Media = MediaLinks.Of([item.Snippet?.Thumbnails?.Largest]),
        };
    }

    /// <summary>A video from videos.list (a deletion check found it present), or null without its snippet.</summary>
    public static Post? Map(YouTubeVideo video)
    {
        if (video.Snippet?.PublishedAt is not { } publishedAt)
        {
            return null;
        }

        var statistics = video.Statistics;
        return new Post
        {
            PostId = video.Id,
            Url = WatchUrl + video.Id,
            PublishedAt = publishedAt,
            Title = video.Snippet.Title,
            Text = HtmlText.ToPlainText(video.Snippet.Description),
            Author = video.Snippet.ChannelTitle,
            Metrics = statistics is null ? null : new PostMetrics(Likes: statistics.LikeCount, Views: statistics.ViewCount),
            Media = MediaLinks.Of([video.Snippet.Thumbnails?.Largest]),
        };
    }
}
