using Monitor.Core.Adapters;
using Monitor.Core.Diagnostics;
using Monitor.Core.Posts;

namespace Monitor.Worker.Web.Api;

/// <summary>
/// One stored post for the account page (<c>/api/accounts/{id}/posts</c>): its title and a snippet of its text
/// (at most <see cref="SnippetLength"/> characters), when it was published, and when it was edited or deleted; its media
/// links (absolute http(s) only, <see cref="MediaLinks.Of"/>) and its language, <c>languageDetected</c> when the detector gave it.
/// </summary>
internal sealed record PostSummary(
    string PostId,
    string? Url,
    DateTimeOffset PublishedAt,
    string Kind,
    string? Title,
    string? Snippet,
    DateTimeOffset FirstSeenAt,
    DateTimeOffset? EditedAt,
    DateTimeOffset? DeletedAt,
    IReadOnlyList<string> Media,
    string? Language,
    bool LanguageDetected)
{
    public const int SnippetLength = 280;

    public static PostSummary From(StoredPost stored)
    {
        var post = stored.Post;
        return new PostSummary(post.PostId, post.Url, post.PublishedAt, post.Kind.ToWireName(), post.Title, Snip(post.Text),
            stored.FirstSeenAt, stored.EditedAt, stored.DeletedAt, MediaLinks.Of(post.Media), post.Language, post.LanguageDetected);
    }

    private static string? Snip(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length <= SnippetLength ? trimmed : string.Concat(trimmed.AsSpan(0, SnippetLength - 1).TrimEnd(), "…");
    }
}

/// <summary>One poll of an account (<c>/api/accounts/{id}/snapshots</c>); the error passes the redactor.</summary>
internal sealed record SnapshotSummary(
    DateTimeOffset CapturedAt,
    string Status,
    int? HttpStatus,
    int NewPosts,
    int SeenPosts,
    long? Followers,
    long? Following,
    long? PostsTotal,
    long DurationMs,
    string? Error)
{
    public static SnapshotSummary From(ActivitySnapshot s, SecretRedactor redactor) =>
        new(s.CapturedAt, s.Status.ToWireName(), s.HttpStatus, s.NewPosts, s.SeenPosts, s.Followers, s.Following, s.PostsTotal,
            s.DurationMs, redactor.Redact(s.Error));
}

/// <summary>The follower count of the last snapshot of a UTC day that carried one (<c>/api/accounts/{id}/followers</c>).</summary>
internal sealed record DayFollowers(DateOnly Day, long Followers);

/// <summary>
/// Posts per day of the window by platform (<c>/api/reports/posts-per-day</c>): <c>days</c> lists every day of the
/// window, and each platform's <c>posts</c> has one count per day, zeros included.
/// </summary>
internal sealed record PostsPerDayResponse(DateOnly From, DateOnly To, IReadOnlyList<DateOnly> Days, IReadOnlyList<PlatformSeries> Platforms);

/// <summary>One platform's posts per day, aligned with <see cref="PostsPerDayResponse.Days"/>.</summary>
internal sealed record PlatformSeries(string Platform, IReadOnlyList<long> Posts);

/// <summary>
/// What the dashboard needs to refresh itself (<c>/api/status</c>): the poll cycle's interval (from the cron
/// expression when one is set), how often the page reloads its data, the last cycle's start and finish, and whether
/// an API key is required (the page then offers to sign out).
/// </summary>
internal sealed record DashboardStatus(
    double CycleIntervalSeconds, double RefreshSeconds, DateTimeOffset? LastCycleStartedAt, DateTimeOffset? LastCycleFinishedAt, bool KeyRequired);
