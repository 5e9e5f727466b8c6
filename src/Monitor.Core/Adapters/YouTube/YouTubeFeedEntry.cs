namespace Monitor.Core.Adapters.YouTube;

/// <summary>One <c>entry</c> of a channel's Atom feed (<c>/feeds/videos.xml?channel_id=</c>).</summary>
internal sealed record YouTubeFeedEntry(
    string VideoId,
    DateTimeOffset PublishedAt,
    DateTimeOffset? UpdatedAt,
    string? Title,
    string? Description,
    string? Url,
    string? Author,
    long? Views,
    long? Likes,
    string? Thumbnail = null);
