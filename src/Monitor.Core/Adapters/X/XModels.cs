namespace Monitor.Core.Adapters.X;

// Wire types of X API v2 (snake_case JSON). X renamed "tweet" to "post" in places; both spellings are accepted.
// https://docs.x.com/x-api/users/user-lookup-by-username, https://docs.x.com/x-api/posts/user-posts-timeline-by-user-id
// Parameters without a default are required: a body lacking them is malformed.

internal sealed record XUserResponse(XUser? Data = null, IReadOnlyList<XProblem>? Errors = null);

internal sealed record XUser(string Id, string? Username = null, XUserMetrics? PublicMetrics = null, DateTimeOffset? CreatedAt = null)
{
    public Posts.ProfileCounts? ToCounts() =>
        PublicMetrics is { } m ? new Posts.ProfileCounts(m.FollowersCount, m.FollowingCount, m.TweetCount ?? m.PostCount) { CreatedAt = CreatedAt }
        : CreatedAt is null ? null : new Posts.ProfileCounts { CreatedAt = CreatedAt };
}

internal sealed record XUserMetrics(long? FollowersCount = null, long? FollowingCount = null, long? TweetCount = null, long? PostCount = null);

internal sealed record XPostsResponse(
    IReadOnlyList<XPost>? Data = null, XMeta? Meta = null, IReadOnlyList<XProblem>? Errors = null, XIncludes? Includes = null)
{
    /// <summary>The page's posts, each with the links of the media its <c>attachments.media_keys</c> name in <c>includes.media</c>.</summary>
    public IReadOnlyList<XPost> PostsWithMedia()
    {
        var media = (Includes?.Media ?? []).Where(m => m.MediaKey is not null).DistinctBy(m => m.MediaKey).ToDictionary(m => m.MediaKey!, StringComparer.Ordinal);
        return (Data ?? []).Select(post => post.Attachments?.MediaKeys is { Count: > 0 } keys
            ? post with { MediaUrls = Posts.MediaLinks.Of(keys.Select(key => media.GetValueOrDefault(key)?.Link)) }
            : post).ToArray();
    }
}

/// <summary>
/// Expanded objects: with <c>expansions=author_id</c> a timeline page carries its author, public metrics included;
/// with <c>attachments.media_keys</c> the media of its posts.
/// </summary>
internal sealed record XIncludes(IReadOnlyList<XUser>? Users = null, IReadOnlyList<XMedia>? Media = null);

/// <summary>A media object: a photo's <c>url</c>, or a video's/GIF's <c>variants</c> and <c>preview_image_url</c>.</summary>
internal sealed record XMedia(string? MediaKey = null, string? Type = null, string? Url = null, string? PreviewImageUrl = null, IReadOnlyList<XMediaVariant>? Variants = null)
{
    /// <summary>The photo, else the video's highest-bit-rate MP4 (the HLS playlist has no bit rate), else its still.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Link => Url
        ?? Variants?.Where(v => v.ContentType == "video/mp4" && v.Url is not null).MaxBy(v => v.BitRate ?? 0)?.Url
        ?? PreviewImageUrl;
}

internal sealed record XMediaVariant(long? BitRate = null, string? ContentType = null, string? Url = null);

internal sealed record XAttachments(IReadOnlyList<string>? MediaKeys = null);

internal sealed record XPost(
    string Id,
    DateTimeOffset CreatedAt,
    string? Text = null,
    XPostMetrics? PublicMetrics = null,
    IReadOnlyList<XReference>? ReferencedTweets = null,
    IReadOnlyList<XReference>? ReferencedPosts = null,
    IReadOnlyList<string>? EditHistoryTweetIds = null,
    IReadOnlyList<string>? EditHistoryPostIds = null,
    string? Lang = null,
    XAttachments? Attachments = null,
    XEntities? Entities = null)
{
    /// <summary>The links of the post's media, resolved from the page's <c>includes.media</c> (<see cref="XPostsResponse.PostsWithMedia"/>).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<string> MediaUrls { get; init; } = [];
}

/// <summary>
/// <c>entities</c> of a post (tweet.fields=entities): hashtags, mentions with the user's id, URLs with the expanded
/// target (the text holds t.co links). Arrays without entries are left out by the API.
/// </summary>
internal sealed record XEntities(IReadOnlyList<XHashtag>? Hashtags = null, IReadOnlyList<XMention>? Mentions = null, IReadOnlyList<XUrl>? Urls = null);

internal sealed record XHashtag(string? Tag = null);

internal sealed record XMention(int? Start = null, string? Username = null, string? Id = null);

internal sealed record XUrl(string? Url = null, string? ExpandedUrl = null, string? UnwoundUrl = null);

internal sealed record XPostMetrics(
    long? ReplyCount = null, long? RetweetCount = null, long? RepostCount = null, long? LikeCount = null, long? ImpressionCount = null, long? QuoteCount = null);

internal sealed record XReference(string Type, string Id);

internal sealed record XMeta(int? ResultCount = null, string? NewestId = null, string? NextToken = null);

/// <summary>An RFC 7807-style problem: in <c>errors[]</c> of a 200, or the whole body of a 4xx.</summary>
internal sealed record XProblem(
    string? Title = null, string? Detail = null, string? Type = null, string? ResourceType = null, string? ResourceId = null, string? Value = null);
