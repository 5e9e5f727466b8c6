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
    string? ParentId);

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
