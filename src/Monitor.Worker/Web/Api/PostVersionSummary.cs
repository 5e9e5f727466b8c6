using Monitor.Core.Adapters;
using Monitor.Core.Posts;

namespace Monitor.Worker.Web.Api;

/// <summary>One version of a post (<c>/api/posts/{platform}/{accountId}/{postId}/versions</c>), the fields of <c>export versions</c> plus the deletion evidence.</summary>
internal sealed record PostVersionSummary(
    int Version,
    string Reason,
    DateTimeOffset CapturedAt,
    string ContentHash,
    string? Title,
    string? Text,
    string? Url,
    IReadOnlyList<string> Media,
    string? CaptureId,
    string? Evidence)
{
    public static PostVersionSummary From(PostVersion v) => new(
        v.Version, v.Reason.ToWireName(), v.CapturedAt, v.ContentHash, v.Title, v.Text, v.Url, v.Media, v.CaptureId, v.Evidence?.ToWireName());
}
