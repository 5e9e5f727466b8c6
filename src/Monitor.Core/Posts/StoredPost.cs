namespace Monitor.Core.Posts;

/// <summary>A post as the store keeps it, with its tracking times.</summary>
public sealed record StoredPost(
    string Platform,
    string AccountId,
    Post Post,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt);
