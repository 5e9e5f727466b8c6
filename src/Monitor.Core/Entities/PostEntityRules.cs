using System.Text.RegularExpressions;
using Monitor.Core.Accounts;
using Monitor.Core.Posts;

namespace Monitor.Core.Entities;

/// <summary>
/// Which entities a stored post has: what the adapter read from the wire (<see cref="Post.Entities"/>) where it did,
/// else what <see cref="EntityExtractor"/> finds in the title and text. A repost has only its repost edge (the
/// reposted author, from the platform or, on X, the <c>RT @user:</c> prefix): the hashtags, mentions and links of the
/// reposted text are its author's. Both stores call this at write time and in their backfills.
/// </summary>
public static partial class PostEntityRules
{
    [GeneratedRegex(@"^RT @(?<user>[A-Za-z0-9_]+):")]
    private static partial Regex Retweet();

    /// <summary>The post's entities, each (type, value) once, ordered by type then value (ordinal).</summary>
    public static IReadOnlyList<PostEntity> For(string platform, Post post)
    {
        var entities = new List<PostEntity>();
        var wire = post.Entities;
        if (post.Kind == PostKind.Repost)
        {
            if (RepostedAuthor(platform, post) is { } author)
            {
                entities.Add(author);
            }

            return entities;
        }

        var text = post.Title is null ? post.Text : post.Text is null ? post.Title : post.Title + "\n" + post.Text;
        entities.AddRange((wire?.Hashtags?.Select(EntityExtractor.FoldHashtag) ?? EntityExtractor.Hashtags(text))
            .Select(tag => new PostEntity(EntityType.Hashtag, tag)));
        entities.AddRange(wire?.Mentions?.Select(m => new PostEntity(EntityType.Mention, AccountHandleKey.Normalize(platform, m.Handle), m.PlatformId))
            ?? EntityExtractor.Mentions(platform, text).Select(handle => new PostEntity(EntityType.Mention, handle)));
        entities.AddRange((wire?.Links?.Select(LinkNormalizer.Normalize).OfType<string>() ?? EntityExtractor.Links(text))
            .Select(link => new PostEntity(EntityType.Link, link)));
        return entities.Where(e => e.Value.Length > 0)
            .DistinctBy(e => (e.Type, e.Value))
            .OrderBy(e => e.Type).ThenBy(e => e.Value, StringComparer.Ordinal)
            .ToArray();
    }

    private static PostEntity? RepostedAuthor(string platform, Post post)
    {
        if (post.Entities?.RepostOf is { } wire)
        {
            return new PostEntity(EntityType.Repost, AccountHandleKey.Normalize(platform, wire.Handle), wire.PlatformId);
        }

        // X's v2 timeline names the reposting account as the author; its text keeps the classic "RT @user:" prefix.
        if (Platforms.Normalize(platform) == Platforms.X)
        {
            return post.Text is { } text && Retweet().Match(text) is { Success: true } match
                ? new PostEntity(EntityType.Repost, AccountHandleKey.Normalize(platform, match.Groups["user"].Value))
                : null;
        }

        // Mastodon and Bluesky map a repost's author from the reposted post (MastodonStatusMapper, BlueskyPostMapper).
        return Platforms.Normalize(platform) is Platforms.Mastodon or Platforms.Bluesky && !string.IsNullOrWhiteSpace(post.Author)
            ? new PostEntity(EntityType.Repost, AccountHandleKey.Normalize(platform, post.Author))
            : null;
    }
}
