using Monitor.Core.Adapters;

namespace Monitor.Core.Posts;

/// <summary>
/// One deletion of a post: from the <c>deleted</c> version (<see cref="DeletedAt"/>, with its evidence and the last
/// content) to the next <c>restored</c> version (<see cref="RestoredAt"/>, null while it stays deleted).
/// </summary>
public sealed record DeletionEpisode(
    string Platform,
    string AccountId,
    string PostId,
    string? Url,
    DateTimeOffset DeletedAt,
    DeletionEvidence? Evidence,
    DateTimeOffset? RestoredAt,
    string? LastTitle,
    string? LastText);
