namespace Monitor.Core.Adapters.X;

// Wire types of X API v2 (snake_case JSON). X renamed "tweet" to "post" in places; both spellings are accepted.
// https://docs.x.com/x-api/users/user-lookup-by-username, https://docs.x.com/x-api/posts/user-posts-timeline-by-user-id
// Parameters without a default are required: a body lacking them is malformed.

internal sealed record XUserResponse(XUser? Data = null, IReadOnlyList<XProblem>? Errors = null);

internal sealed record XUser(string Id, string? Username = null, XUserMetrics? PublicMetrics = null)
{
    public Posts.ProfileCounts? ToCounts() =>
        PublicMetrics is { } m ? new Posts.ProfileCounts(m.FollowersCount, m.FollowingCount, m.TweetCount ?? m.PostCount) : null;
}

internal sealed record XUserMetrics(long? FollowersCount = null, long? FollowingCount = null, long? TweetCount = null, long? PostCount = null);

internal sealed record XPostsResponse(
    IReadOnlyList<XPost>? Data = null, XMeta? Meta = null, IReadOnlyList<XProblem>? Errors = null, XIncludes? Includes = null);

/// <summary>Expanded objects: with <c>expansions=author_id</c> a timeline page carries its author, public metrics included.</summary>
internal sealed record XIncludes(IReadOnlyList<XUser>? Users = null);

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
    XEntities? Entities = null);

/// <summary>
/// <c>entities</c> of a post (tweet.fields=entities): hashtags, mentions with the user's id, URLs with the expanded
/// target (the text holds t.co links). Arrays without entries are left out by the API.
/// </summary>
internal sealed record XEntities(IReadOnlyList<XHashtag>? Hashtags = null, IReadOnlyList<XMention>? Mentions = null, IReadOnlyList<XUrl>? Urls = null);

internal sealed record XHashtag(string? Tag = null);

internal sealed record XMention(int? Start = null, string? Username = null, string? Id = null);

internal sealed record XUrl(string? Url = null, string? ExpandedUrl = null, string? UnwoundUrl = null);

internal sealed record XPostMetrics(
    long? ReplyCount = null, long? RetweetCount = null, long? RepostCount = null, long? LikeCount = null, long? ImpressionCount = null);

internal sealed record XReference(string Type, string Id);

internal sealed record XMeta(int? ResultCount = null, string? NewestId = null, string? NextToken = null);

/// <summary>An RFC 7807-style problem: in <c>errors[]</c> of a 200, or the whole body of a 4xx.</summary>
internal sealed record XProblem(
    string? Title = null, string? Detail = null, string? Type = null, string? ResourceType = null, string? ResourceId = null, string? Value = null);
