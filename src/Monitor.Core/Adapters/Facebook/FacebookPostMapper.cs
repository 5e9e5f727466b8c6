using System.Globalization;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Facebook;

/// <summary>Maps Graph API Page posts to domain posts.</summary>
internal static class FacebookPostMapper
{
    public static Post ToPost(GraphPost post)
    {
        var id = string.IsNullOrEmpty(post.Id) ? throw new PayloadFormatException("A Graph API post has no id.") : post.Id;
        var published = ParseTime(post.CreatedTime)
            ?? throw new PayloadFormatException($"Graph API post {id} has no readable created_time.");
        var message = string.IsNullOrWhiteSpace(post.Message) ? null : post.Message.Trim();
        return new Post
        {
            PostId = id,
            Url = post.PermalinkUrl,
            PublishedAt = published,
            Kind = KindOf(post, message),
            Text = message,
            Metrics = post.Shares?.Count is { } shares ? new PostMetrics(Reposts: shares) : null,
            // updated_time also moves when someone comments (Graph API Post reference), so it is the source's
            // "updated" time, not an edit time: the store compares content to record real edits.
            UpdatedAt = ParseTime(post.UpdatedTime) is { } updated && updated > published ? updated : null,
            Media = MediaLinks.Of(post.MediaLinks()),
        };
    }

    /// <summary>
    /// A share (<c>status_type</c> shared_story, or a <c>parent_id</c> naming the shared Facebook post) without words of
    /// the page's own is a repost; a shared Facebook post with a message is a quote; a shared link with a message is
    /// an ordinary post, since the page wrote the text that frames it.
    /// </summary>
    public static PostKind KindOf(GraphPost post, string? message)
    {
        var shared = string.Equals(post.StatusType, "shared_story", StringComparison.Ordinal) || post.ParentId is not null;
        if (!shared)
        {
            return PostKind.Post;
        }

        if (message is null)
        {
            return PostKind.Repost;
        }

        return post.ParentId is not null ? PostKind.Quote : PostKind.Post;
    }

    /// <summary>Graph API times look like <c>2026-11-20T09:15:00+0000</c>; ISO 8601 with a colon is accepted too.</summary>
    public static DateTimeOffset? ParseTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // .NET's zzz wants "+00:00", so the Graph API's "+0000" gets its colon first.
        var normalized = value.Length == 24 && value[19] is '+' or '-' ? value.Insert(22, ":") : value;
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;
    }
}
