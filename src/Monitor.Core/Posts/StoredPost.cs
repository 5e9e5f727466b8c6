using Monitor.Core.Entities;

namespace Monitor.Core.Posts;

/// <summary>A post as the store keeps it, with its tracking times.</summary>
public sealed record StoredPost(
    string Platform,
    string AccountId,
    Post Post,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset LastSeenAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt)
{
    private readonly IReadOnlyList<PostEntity> entities = StoredEntities.Order(null);

    /// <summary>
    /// The hashtags, mentions, links and repost the store indexed for the post when it was written, in their stored
    /// (comparison) form, ordered by <see cref="StoredEntities.Order"/> so both stores list them alike; empty when none.
    /// </summary>
    public IReadOnlyList<PostEntity> Entities { get => entities; init => entities = StoredEntities.Order(value); }
}
