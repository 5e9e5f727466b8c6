namespace Monitor.Core.Posts;

/// <summary>Engagement counts where the platform gives them; each null when unknown.</summary>
public sealed record PostMetrics(long? Replies = null, long? Reposts = null, long? Likes = null, long? Views = null)
{
    /// <summary>The fetched counts, each unknown one taken from the stored counts (a fetch that lacks a figure keeps it).</summary>
    public static PostMetrics? Coalesce(PostMetrics? fetched, PostMetrics? stored) =>
        fetched is null ? stored
        : stored is null ? fetched
        : new PostMetrics(fetched.Replies ?? stored.Replies, fetched.Reposts ?? stored.Reposts, fetched.Likes ?? stored.Likes, fetched.Views ?? stored.Views);
}

/// <summary>Profile counts of an account where the platform exposes them.</summary>
public sealed record ProfileCounts(long? Followers = null, long? Following = null, long? PostsTotal = null);
