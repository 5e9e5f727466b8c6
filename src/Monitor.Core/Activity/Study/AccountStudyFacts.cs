namespace Monitor.Core.Activity.Study;

/// <summary>What the store counts for one account for the study.</summary>
/// <param name="AccountId">The account.</param>
/// <param name="Polls">Snapshots captured in the window (every poll, whatever its status).</param>
/// <param name="SuccessfulPolls">Of those, polls with status <c>ok</c> or <c>notModified</c>.</param>
/// <param name="FirstPostAt">Oldest stored post published before the window's end: the account was there on or before it.</param>
/// <param name="MeasuredPosts">Posts in the window of kind post, reply or quote whose repost count is known.</param>
/// <param name="RepostsReceived">Sum of those posts' repost counts.</param>
public sealed record AccountStudyFacts(
    string AccountId,
    long Polls,
    long SuccessfulPolls,
    DateTimeOffset? FirstPostAt,
    long MeasuredPosts,
    long RepostsReceived)
{
    /// <summary>When the platform says the account was created (kept from the polls' profiles); null when it never said.</summary>
    public DateTimeOffset? PlatformCreatedAt { get; init; }
}
