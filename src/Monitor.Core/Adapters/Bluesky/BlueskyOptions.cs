using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>Settings of the Bluesky adapter (<c>Monitor:Platforms:Bluesky</c>).</summary>
/// <remarks>
/// <see cref="PlatformOptions.BaseUrl"/> defaults to the public AppView, which needs no account; XRPC paths are
/// appended under <c>/xrpc/</c>.
/// </remarks>
public sealed class BlueskyOptions : PlatformOptions
{
    /// <summary>The public, unauthenticated AppView used when no BaseUrl is configured.</summary>
    public const string PublicAppView = "https://public.api.bsky.app/";

    /// <summary>Feed items per request. Default 100 (the lexicon's maximum); 1 to 100.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// <c>filter</c> of <c>app.bsky.feed.getAuthorFeed</c>. Default <c>posts_with_replies</c> (posts, reposts and every
    /// reply, also to others: the reply share measures conversation); <c>posts_and_author_threads</c> leaves out replies
    /// to others, <c>posts_no_replies</c> all replies.
    /// </summary>
    [AllowedValues("posts_and_author_threads", "posts_with_replies", "posts_no_replies", "posts_with_media")]
    public string FeedFilter { get; set; } = "posts_with_replies";

    /// <summary>Pages read on an account's first poll when BackfillSince does not stop earlier. Default 10; 1 to 200.</summary>
    [Range(1, 200)]
    public int MaxBackfillPages { get; set; } = 10;

    /// <summary>Pages read in one regular poll while looking for the last known post. Default 10; 1 to 200.</summary>
    [Range(1, 200)]
    public int MaxPollPages { get; set; } = 10;

    /// <summary>
    /// Newest stored posts checked per poll with <c>app.bsky.feed.getPosts</c> (25 per request). Default 25 (one
    /// request); 0 to 100. A post missing from the answer is looked up alone (see <see cref="ThreadChecksPerPoll"/>).
    /// </summary>
    [Range(0, 100)]
    public int DeletionChecksPerPoll { get; set; } = 25;

    /// <summary>
    /// Posts missing from getPosts looked up alone with <c>app.bsky.feed.getPostThread</c> per poll: a <c>notFoundPost</c>
    /// or XRPC <c>NotFound</c> is positive evidence of deletion; the others count as absent. Default 5; 0 to 25.
    /// </summary>
    [Range(0, 25)]
    public int ThreadChecksPerPoll { get; set; } = 5;
}
