namespace Monitor.Core.Posts;

/// <summary>Engagement counts where the platform gives them; each null when unknown.</summary>
public sealed record PostMetrics(long? Replies = null, long? Reposts = null, long? Likes = null, long? Views = null)
{
    /// <summary>Quote posts of this post (Bluesky <c>quoteCount</c>, X <c>quote_count</c>); null where the platform gives none (Mastodon).</summary>
    public long? Quotes { get; init; }

    /// <summary>Likes + reposts + replies + quotes, the unknown ones left out; null when none of the four is known. Views are apart.</summary>
    public long? Interactions => Likes is null && Reposts is null && Replies is null && Quotes is null
        ? null
        : (Likes ?? 0) + (Reposts ?? 0) + (Replies ?? 0) + (Quotes ?? 0);

    /// <summary>The counts as read from a store, or null when every one is unknown.</summary>
    public static PostMetrics? Of(long? replies, long? reposts, long? likes, long? views, long? quotes) =>
        replies is null && reposts is null && likes is null && views is null && quotes is null
            ? null
            : new PostMetrics(replies, reposts, likes, views) { Quotes = quotes };

    /// <summary>The fetched counts, each unknown one taken from the stored counts (a fetch that lacks a figure keeps it).</summary>
    public static PostMetrics? Coalesce(PostMetrics? fetched, PostMetrics? stored) =>
        fetched is null ? stored
        : stored is null ? fetched
        : new PostMetrics(fetched.Replies ?? stored.Replies, fetched.Reposts ?? stored.Reposts, fetched.Likes ?? stored.Likes, fetched.Views ?? stored.Views)
        {
            Quotes = fetched.Quotes ?? stored.Quotes,
        };
}

/// <summary>Profile counts of an account where the platform exposes them.</summary>
public sealed record ProfileCounts(long? Followers = null, long? Following = null, long? PostsTotal = null)
{
    /// <summary>When the platform says the account was created (X, Mastodon, Bluesky, YouTube); null when it does not say.</summary>
    public DateTimeOffset? CreatedAt { get; init; }
}
