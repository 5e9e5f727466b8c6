using Monitor.Core.Adapters;

namespace Monitor.Core.Posts;

/// <summary>
/// One version of a post as captured: version 1 at first sight (<c>created</c>), then one per edit, reparse,
/// deletion and restore. A deletion version keeps the last content and says on what <see cref="Evidence"/>.
/// </summary>
public sealed record PostVersion(
    string Platform,
    string AccountId,
    string PostId,
    int Version,
    VersionReason Reason,
    DateTimeOffset CapturedAt,
    string ContentHash,
    string? Title,
    string? Text,
    string? Url,
    IReadOnlyList<string> Media,
    string? CaptureId,
    DeletionEvidence? Evidence);
