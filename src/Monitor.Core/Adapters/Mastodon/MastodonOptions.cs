using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Adapters.Mastodon;

/// <summary>Settings of the Mastodon adapter (<c>Monitor:Platforms:Mastodon</c>).</summary>
/// <remarks>
/// <see cref="PlatformOptions.BaseUrl"/>, when set, replaces the instance origin of every account (proxies, tests);
/// otherwise each account is read from the instance in its handle, over https.
/// </remarks>
public sealed class MastodonOptions : PlatformOptions
{
    /// <summary>
    /// Starts with a low per-platform concurrency and a budget of 300 requests per 5 minutes per instance: Mastodon
    /// limits unauthenticated API use to 300 requests per 5 minutes per IP on each instance.
    /// </summary>
    public MastodonOptions()
    {
        MaxConcurrency = 2;
        Budget = new() { Requests = 300, Window = TimeSpan.FromMinutes(5), PerHost = true };
    }

    /// <summary>
    /// Optional OAuth access token (scope <c>read:statuses</c> suffices), sent as <c>Authorization: Bearer</c>.
    /// Public accounts are readable without one. Never logged.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>Statuses per request. Default 40 (Mastodon's maximum); 1 to 40.</summary>
    [Range(1, 40)]
    public int PageSize { get; set; } = 40;

    /// <summary>Pages read backwards on an account's first poll when BackfillSince does not stop earlier. Default 10; 1 to 200.</summary>
    [Range(1, 200)]
    public int MaxBackfillPages { get; set; } = 10;

    /// <summary>Pages read forward in one regular poll; the rest follows in the next poll without a gap. Default 10; 1 to 200.</summary>
    [Range(1, 200)]
    public int MaxPollPages { get; set; } = 10;

    /// <summary>
    /// Newest stored statuses re-read per poll to detect deletions and edits (one request each). Default 3; 0 to 40.
    /// Kept small because anonymous clients get 300 requests per 5 minutes per IP on each instance.
    /// </summary>
    [Range(0, 40)]
    public int DeletionChecksPerPoll { get; set; } = 3;
}
