using Monitor.Core.Posts;

namespace Monitor.Core.Adapters;

/// <summary>What one adapter call learned about one account.</summary>
public sealed record FetchResult
{
    public required PollStatus Status { get; init; }

    /// <summary>HTTP status of the last (or failing) request, when there was one.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Posts fetched, in any order; duplicates of stored posts are expected and merged.</summary>
    public IReadOnlyList<Post> Posts { get; init; } = [];

    /// <summary>
    /// Stored posts the poll found evidence of deletion for. Positive evidence (<see cref="DeletionEvidence.NotFound"/>,
    /// <see cref="DeletionEvidence.Tombstone"/>, <see cref="DeletionEvidence.DeleteEvent"/>) marks the post deleted at once;
    /// <see cref="DeletionEvidence.Absent"/> only after <c>Monitor:Polling:DeletionConfirmations</c> checks in a row.
    /// </summary>
    public IReadOnlyList<PostDeletion> Deletions { get; init; } = [];

    /// <summary>Profile counts where the platform exposes them.</summary>
    public ProfileCounts? Profile { get; init; }

    /// <summary>
    /// The account as the platform named it in this call (stable id and current handle), when the platform exposes one.
    /// The stable id is also the cursor's <see cref="PollCursor.ExternalId"/>.
    /// </summary>
    public AccountIdentity? Identity { get; init; }

    /// <summary>Cursor to persist after a successful poll; null keeps the stored one.</summary>
    public PollCursor? Cursor { get; init; }

    /// <summary>Earliest time the account (or, with <see cref="PlatformWide"/>, the platform) may be polled again.</summary>
    public DateTimeOffset? RetryAfter { get; init; }

    /// <summary>True when <see cref="RetryAfter"/> is an app-wide limit that defers every account of the platform.</summary>
    public bool PlatformWide { get; init; }

    /// <summary>How long the source says its content stays fresh (RSS <c>ttl</c>, <c>Cache-Control: max-age</c>).</summary>
    public TimeSpan? CacheHint { get; init; }

    /// <summary>
    /// What the adapter repaired or noticed while reading the response, e.g. <c>repaired: 3 bare ampersands</c>;
    /// stored in the poll's snapshot. Null when there is nothing to say.
    /// </summary>
    public string? Notes { get; init; }

    /// <summary>Human-readable reason for a non-success status. Never contains credentials.</summary>
    public string? Error { get; init; }

    public static FetchResult Failed(PollStatus status, string error, int? httpStatus = null, DateTimeOffset? retryAfter = null) =>
        new() { Status = status, Error = error, HttpStatus = httpStatus, RetryAfter = retryAfter };
}
