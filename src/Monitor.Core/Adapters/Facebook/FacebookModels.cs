using System.Text.Json.Serialization;

namespace Monitor.Core.Adapters.Facebook;

// Wire types of the Graph API responses Monitor reads (snake_case on the wire). They stay apart from the domain Post.

/// <summary><c>GET /{page}?fields=id,name,username,fan_count,followers_count</c>; <c>username</c> is the page's alias, when it has one.</summary>
internal sealed record GraphPage(string? Id, string? Name, long? FanCount, long? FollowersCount, string? Username = null);

/// <summary>One page of <c>GET /{page-id}/posts</c>.</summary>
internal sealed record GraphPostList(List<GraphPost>? Data, GraphPaging? Paging);

/// <summary>A Page post with the fields Monitor requests.</summary>
internal sealed record GraphPost(
    string? Id,
    string? CreatedTime,
    string? UpdatedTime,
    string? Message,
    string? PermalinkUrl,
    GraphShares? Shares,
    string? StatusType,
    string? ParentId,
    string? FullPicture = null,
    GraphAttachmentList? Attachments = null)
{
    /// <summary>
    /// The post's media: each attachment's video <c>source</c> or image <c>src</c> (an album's from its
    /// subattachments); <c>full_picture</c> only when the attachments give none.
    /// </summary>
    public IEnumerable<string?> MediaLinks()
    {
        var links = (Attachments?.Data ?? [])
            .SelectMany(a => a.Subattachments?.Data is { Count: > 0 } parts ? parts : [a])
            .Select(a => a.Media?.Source ?? a.Media?.Image?.Src)
            .Where(link => link is not null)
            .ToList();
        return links.Count > 0 ? links : [FullPicture];
    }
}

/// <summary>The <c>attachments</c> edge inlined in a post (field expansion <c>attachments{media,subattachments}</c>).</summary>
internal sealed record GraphAttachmentList(List<GraphAttachment>? Data);

internal sealed record GraphAttachment(GraphMedia? Media, GraphAttachmentList? Subattachments = null);

/// <summary>An attachment's <c>media</c>: <c>image.src</c> (a photo, a video's still) and <c>source</c> (a video file).</summary>
internal sealed record GraphMedia(GraphImage? Image, string? Source = null);

internal sealed record GraphImage(string? Src);

internal sealed record GraphShares(long? Count);

/// <summary>Cursor or time-based paging; <c>next</c> is absent on the last page.</summary>
internal sealed record GraphPaging(GraphCursors? Cursors, string? Next, string? Previous);

internal sealed record GraphCursors(string? Before, string? After);

/// <summary>The error envelope every failing Graph API call returns.</summary>
internal sealed record GraphErrorEnvelope(GraphError? Error);

internal sealed record GraphError(string? Message, string? Type, int? Code, int? ErrorSubcode, string? FbtraceId);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(GraphPage))]
[JsonSerializable(typeof(GraphPostList))]
[JsonSerializable(typeof(GraphErrorEnvelope))]
internal sealed partial class FacebookJsonContext : JsonSerializerContext;
