using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Adapters.Bluesky;

// Wire types of the Bluesky AppView (lexicons app.bsky.actor.defs, app.bsky.feed.defs, app.bsky.feed.post).
// Only the fields Monitor reads.

/// <summary><c>app.bsky.actor.defs#profileViewDetailed</c>.</summary>
internal sealed record BlueskyProfile
{
    public string? Did { get; init; }
    public string? Handle { get; init; }
    public long? FollowersCount { get; init; }
    public long? FollowsCount { get; init; }
    public long? PostsCount { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
}

/// <summary><c>app.bsky.actor.defs#profileViewBasic</c>, as far as it names someone.</summary>
internal sealed record BlueskyAuthor
{
    public string? Did { get; init; }
    public string? Handle { get; init; }
}

/// <summary>Output of <c>app.bsky.feed.getAuthorFeed</c>.</summary>
internal sealed record BlueskyAuthorFeed
{
    public string? Cursor { get; init; }
    public List<BlueskyFeedItem>? Feed { get; init; }
}

/// <summary><c>app.bsky.feed.defs#feedViewPost</c>.</summary>
internal sealed record BlueskyFeedItem
{
    public BlueskyPostView? Post { get; init; }
    public BlueskyReason? Reason { get; init; }
}

/// <summary><c>#reasonRepost</c> or <c>#reasonPin</c>; <c>uri</c> is the repost record itself (newer AppViews).</summary>
internal sealed record BlueskyReason
{
    [JsonPropertyName("$type")]
    public string? Type { get; init; }
    public BlueskyAuthor? By { get; init; }
    public string? Uri { get; init; }
    public DateTimeOffset? IndexedAt { get; init; }
}

/// <summary><c>app.bsky.feed.defs#postView</c>.</summary>
internal sealed record BlueskyPostView
{
    public string? Uri { get; init; }
    public BlueskyAuthor? Author { get; init; }
    public BlueskyPostRecord? Record { get; init; }
    public long? ReplyCount { get; init; }
    public long? RepostCount { get; init; }
    public long? LikeCount { get; init; }
    public long? QuoteCount { get; init; }
    public DateTimeOffset? IndexedAt { get; init; }

    /// <summary>The hydrated embed (<c>#view</c> types), whose media URLs the AppView has already built.</summary>
    public BlueskyEmbedView? Embed { get; init; }
}

/// <summary>The <c>app.bsky.feed.post</c> record. <c>createdAt</c> is client-written, so it is read as text.</summary>
internal sealed record BlueskyPostRecord
{
    public string? Text { get; init; }
    public string? CreatedAt { get; init; }
    public List<string>? Langs { get; init; }
    public JsonElement? Reply { get; init; }

    /// <summary>Rich-text facets: mentions (DID), links (full URI) and tags over UTF-8 byte ranges of <c>text</c>.</summary>
    public List<BlueskyFacet>? Facets { get; init; }
    public BlueskyEmbed? Embed { get; init; }
}

/// <summary><c>app.bsky.richtext.facet</c>: a byte slice of the text and what it is.</summary>
internal sealed record BlueskyFacet
{
    public BlueskyByteSlice? Index { get; init; }
    public List<BlueskyFacetFeature>? Features { get; init; }
}

internal sealed record BlueskyByteSlice
{
    public int ByteStart { get; init; }
    public int ByteEnd { get; init; }
}

/// <summary><c>#mention</c> (did), <c>#link</c> (uri) or <c>#tag</c> (tag, without the #).</summary>
internal sealed record BlueskyFacetFeature
{
    [JsonPropertyName("$type")]
    public string? Type { get; init; }
    public string? Did { get; init; }
    public string? Uri { get; init; }
    public string? Tag { get; init; }
}

/// <summary>A record embed: <c>app.bsky.embed.record</c> (record = strongRef) or <c>recordWithMedia</c> (record = embed.record).</summary>
internal sealed record BlueskyEmbed
{
    [JsonPropertyName("$type")]
    public string? Type { get; init; }
    public BlueskyEmbedRecord? Record { get; init; }
}

/// <summary>
/// An embed view: <c>app.bsky.embed.images#view</c> (<c>images[].fullsize</c>), <c>app.bsky.embed.video#view</c>
/// (<c>playlist</c>, an HLS URL, and <c>thumbnail</c>) or <c>app.bsky.embed.recordWithMedia#view</c> (<c>media</c>).
/// </summary>
internal sealed record BlueskyEmbedView
{
    [JsonPropertyName("$type")]
    public string? Type { get; init; }
    public List<BlueskyImageView>? Images { get; init; }
    public string? Playlist { get; init; }
    public string? Thumbnail { get; init; }
    public BlueskyEmbedView? Media { get; init; }
}

/// <summary><c>app.bsky.embed.images#viewImage</c>: <c>fullsize</c> and <c>thumb</c> are fully-qualified URLs.</summary>
internal sealed record BlueskyImageView
{
    public string? Fullsize { get; init; }
    public string? Thumb { get; init; }
}

/// <summary>A strong reference (<c>uri</c>), or for <c>recordWithMedia</c> an embed holding one in <c>record</c>.</summary>
internal sealed record BlueskyEmbedRecord
{
    public string? Uri { get; init; }
    public BlueskyEmbedRecord? Record { get; init; }
}

/// <summary>Output of <c>app.bsky.feed.getPosts</c>.</summary>
internal sealed record BlueskyPosts
{
    public List<BlueskyPostView>? Posts { get; init; }
}

/// <summary>Output of <c>app.bsky.feed.getPostThread</c>: <c>thread</c> is a <c>#threadViewPost</c>, <c>#notFoundPost</c> or <c>#blockedPost</c>.</summary>
internal sealed record BlueskyThread
{
    public BlueskyThreadNode? Thread { get; init; }
}

internal sealed record BlueskyThreadNode
{
    [JsonPropertyName("$type")]
    public string? Type { get; init; }
    public BlueskyPostView? Post { get; init; }
    public bool? NotFound { get; init; }
}

/// <summary>XRPC error body: <c>{"error":"AccountTakedown","message":"..."}</c>.</summary>
internal sealed record BlueskyError
{
    public string? Error { get; init; }
    public string? Message { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BlueskyProfile))]
[JsonSerializable(typeof(BlueskyAuthorFeed))]
[JsonSerializable(typeof(BlueskyPosts))]
[JsonSerializable(typeof(BlueskyError))]
[JsonSerializable(typeof(BlueskyThread))]
internal sealed partial class BlueskyJsonContext : JsonSerializerContext;
