using Monitor.Core.Entities;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.X;

/// <summary>Maps X API v2 posts to <see cref="Post"/>.</summary>
internal static class XPostMapper
{
    // X ids are Snowflakes: milliseconds since this epoch, shifted left by 22 bits.
    // https://developer.x.com/en/docs/x-ids
    private const long SnowflakeEpochMs = 1288834974657;

    /// <summary>
    /// An edit on X creates a new post id; the timeline returns only the latest version, whose
    /// <c>edit_history_tweet_ids</c> lists the chain oldest first. The first id is the post's stable identity, so an edit
    /// updates the stored post instead of adding a new one: PublishedAt is the original's time (from its Snowflake id)
    /// and EditedAt the latest version's <c>created_at</c>. The URL points at the latest version.
    /// https://docs.x.com/x-api/fundamentals/edit-posts
    /// </summary>
    public static Post Map(XPost post, string? username)
    {
        var history = post.EditHistoryTweetIds ?? post.EditHistoryPostIds;
        var originalId = history is { Count: > 0 } ? history[0] : post.Id;
        var edited = !string.Equals(originalId, post.Id, StringComparison.Ordinal);
        var metrics = post.PublicMetrics;
        return new Post
        {
            PostId = originalId,
            // x.com/i/web/status/ID redirects to the author's URL when the username is not known (an id: listing).
            Url = $"https://x.com/{username ?? "i/web"}/status/{post.Id}",
            PublishedAt = edited ? SnowflakeTime(originalId) ?? post.CreatedAt : post.CreatedAt,
            EditedAt = edited ? post.CreatedAt : null,
            Kind = KindOf(post.ReferencedTweets ?? post.ReferencedPosts),
            Text = HtmlText.ToPlainText(post.Text),
            Language = LanguageOf(post.Lang),
            Author = username,
            Entities = EntitiesOf(post.Entities, KindOf(post.ReferencedTweets ?? post.ReferencedPosts)),
            Metrics = metrics is null
                ? null
                : new PostMetrics(metrics.ReplyCount, metrics.RetweetCount ?? metrics.RepostCount, metrics.LikeCount, metrics.ImpressionCount)
                {
                    Quotes = metrics.QuoteCount,
                },
            Media = post.MediaUrls,
        };
    }

    /// <summary>Orders X ids numerically (they are decimal strings of 64-bit integers).</summary>
    public static int CompareIds(string left, string right) =>
        left.Length != right.Length ? left.Length.CompareTo(right.Length) : string.CompareOrdinal(left, right);

    public static DateTimeOffset? SnowflakeTime(string id) =>
        long.TryParse(id, out var value) && value > 0
            ? DateTimeOffset.FromUnixTimeMilliseconds((value >> 22) + SnowflakeEpochMs)
            : null;

    /// <summary>A retweet's text is "RT @user: …", so the mention at offset 3 is whose post it reposts.</summary>
    private static PostEntities? EntitiesOf(XEntities? entities, PostKind kind) => entities is null ? null : new PostEntities
    {
        Hashtags = entities.Hashtags?.Select(h => h?.Tag).OfType<string>().ToArray() ?? [],
        Mentions = entities.Mentions?.Where(m => m?.Username is not null).Select(m => new EntityMention(m!.Username!, m.Id)).ToArray() ?? [],
        Links = entities.Urls?.Select(u => u?.UnwoundUrl ?? u?.ExpandedUrl ?? u?.Url).OfType<string>().ToArray() ?? [],
        RepostOf = kind == PostKind.Repost && entities.Mentions?.FirstOrDefault(m => m?.Start == 3) is { Username: { } reposted } mention
            ? new EntityMention(reposted, mention.Id)
            : null,
    };

    // A retweet also carries the original's reply/quote references of its own; being a repost wins.
    // A reply that quotes is counted as a reply: it sits in a conversation.
    private static PostKind KindOf(IReadOnlyList<XReference>? references)
    {
        if (references is null) return PostKind.Post;
        if (references.Any(r => r.Type is "retweeted" or "reposted")) return PostKind.Repost;
        if (references.Any(r => r.Type == "replied_to")) return PostKind.Reply;
        return references.Any(r => r.Type == "quoted") ? PostKind.Quote : PostKind.Post;
    }

    // "und" (undetermined), "zxx" (no linguistic content) and X's private q* codes (qme media only, qht hashtags only, ...)
    // are not languages.
    private static string? LanguageOf(string? lang) =>
        string.IsNullOrEmpty(lang) || lang is "und" or "zxx" || (lang.Length == 3 && lang[0] == 'q') ? null : lang;
}
