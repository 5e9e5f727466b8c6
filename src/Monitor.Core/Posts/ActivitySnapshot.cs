using Monitor.Core.Adapters;

namespace Monitor.Core.Posts;

/// <summary>One record per account per poll: what the poll saw and how it went.</summary>
public sealed record ActivitySnapshot(
    string AccountId,
    string Platform,
    DateTimeOffset CapturedAt,
    PollStatus Status,
    int? HttpStatus,
    int NewPosts,
    int SeenPosts,
    long? Followers,
    long? Following,
    long? PostsTotal,
    DateTimeOffset? LatestPostAt,
    long DurationMs,
    string? Error,
    string? Notes = null);
