using Monitor.Core.Entities;
using System.Globalization;
using Monitor.Core.Posts;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>Maps AppView feed items and post views to posts.</summary>
internal static class BlueskyPostMapper
{
    public const string ReasonRepost = "app.bsky.feed.defs#reasonRepost";
    public const string ReasonPin = "app.bsky.feed.defs#reasonPin";

    /// <summary>
    /// A post is identified by its at:// URI. A repost has no post of its own, so its id is the repost record's URI
    /// (<c>reason.uri</c>) — stable, unique per repost and what a later un-repost deletes; AppViews that predate that
    /// field get <c>repost:&lt;post uri&gt;|&lt;reposter DID&gt;|&lt;reason.indexedAt&gt;</c>, which is just as stable
    /// because the AppView indexes a repost once. Its time is when it was reposted; text and counts are the original's.
    /// </summary>
    public static Post ToPost(BlueskyFeedItem item)
    {
        var view = item.Post ?? throw new PayloadFormatException("A Bluesky feed item has no post.");
        if (item.Reason?.Type != ReasonRepost)
        {
            return ToPost(view);
        }

        var reason = item.Reason;
        var repostedAt = reason.IndexedAt ?? throw new PayloadFormatException("A Bluesky repost has no indexedAt.");
        return ToPost(view) with
        {
            PostId = reason.Uri ?? string.Create(CultureInfo.InvariantCulture, $"repost:{view.Uri}|{reason.By?.Did}|{repostedAt:O}"),
            PublishedAt = repostedAt,
            Kind = PostKind.Repost,
            Entities = view.Author?.Handle is { } handle ? new PostEntities { RepostOf = new EntityMention(handle, view.Author.Did) } : null,
        };
    }

    /// <summary>Maps a post view (reply: <c>record.reply</c>; quote: a record embed of another post).</summary>
    public static Post ToPost(BlueskyPostView view)
    {
        if (string.IsNullOrEmpty(view.Uri) || view.Record is null || !view.Uri.StartsWith("at://", StringComparison.Ordinal))
        {
            throw new PayloadFormatException("A Bluesky post lacks its at:// uri or record.");
        }

        var record = view.Record;
        return new Post
        {
            PostId = view.Uri,
            Url = WebUrl(view.Uri, view.Author),
            PublishedAt = CreatedAt(view),
            Kind = record.Reply is { ValueKind: System.Text.Json.JsonValueKind.Object } ? PostKind.Reply
                : QuotesPost(record.Embed) ? PostKind.Quote
                : PostKind.Post,
            // Post text is plain text (facets carry links), not HTML.
            Text = string.IsNullOrWhiteSpace(record.Text) ? null : record.Text.Trim(),
            Language = record.Langs is [var first, ..] ? first : null,
            Author = view.Author?.Handle,
            Metrics = new PostMetrics(view.ReplyCount, view.RepostCount, view.LikeCount) { Quotes = view.QuoteCount },
            Media = MediaLinks.Of(MediaOf(view.Embed)),
            Entities = BlueskyFacets.EntitiesOf(record),
        };
    }

    // The lexicon's views carry "fully-qualified URLs ... provided by the App View" (app.bsky.embed.images#viewImage,
    // app.bsky.embed.video#view); the record's blob refs need the author's PDS to resolve, so the view is what counts.
    // An embedded post's own media (a quote's target) are that post's, not this one's.
    private static IEnumerable<string?> MediaOf(BlueskyEmbedView? embed) => embed?.Type switch
    {
        "app.bsky.embed.images#view" => embed.Images?.Select(image => image?.Fullsize) ?? [],
        "app.bsky.embed.video#view" => [embed.Playlist, embed.Thumbnail],
        "app.bsky.embed.recordWithMedia#view" => MediaOf(embed.Media),
        _ => [],
    };

    // createdAt is written by the client; an unreadable one falls back to when the AppView indexed the post.
    private static DateTimeOffset CreatedAt(BlueskyPostView view) =>
        DateTimeOffset.TryParse(view.Record!.CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : view.IndexedAt ?? throw new PayloadFormatException("A Bluesky post has neither a readable createdAt nor indexedAt.");

    // app.bsky.embed.record also embeds feeds, lists and starter packs; only an embedded post makes a quote.
    private static bool QuotesPost(BlueskyEmbed? embed)
    {
        var target = embed?.Type switch
        {
            "app.bsky.embed.record" => embed.Record?.Uri,
            "app.bsky.embed.recordWithMedia" => embed.Record?.Record?.Uri,
            _ => null,
        };
        return target?.Contains("/app.bsky.feed.post/", StringComparison.Ordinal) == true;
    }

    private static string? WebUrl(string uri, BlueskyAuthor? author)
    {
        var rkey = uri[(uri.LastIndexOf('/') + 1)..];
        var profile = author?.Handle is { } handle && handle != "handle.invalid" ? handle : author?.Did;
        return profile is null || rkey.Length == 0 ? null : $"https://bsky.app/profile/{profile}/post/{rkey}";
    }
}
