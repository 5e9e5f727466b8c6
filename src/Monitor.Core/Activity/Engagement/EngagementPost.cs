using Monitor.Core.Posts;

namespace Monitor.Core.Activity.Engagement;

/// <summary>A counted post with its latest stored counts.</summary>
public sealed record EngagementPost(string Platform, string AccountId, string PostId, string? Url, PostKind Kind, DateTimeOffset PublishedAt, PostMetrics Metrics);
