namespace Monitor.Core.Posts;

/// <summary>Engagement counts where the platform gives them; each null when unknown.</summary>
public sealed record PostMetrics(long? Replies = null, long? Reposts = null, long? Likes = null, long? Views = null);

/// <summary>Profile counts of an account where the platform exposes them.</summary>
public sealed record ProfileCounts(long? Followers = null, long? Following = null, long? PostsTotal = null);
