using System.ComponentModel.DataAnnotations;
using Monitor.Core.Adapters;

namespace Monitor.Core.Adapters.X;

/// <summary>Settings of the X API v2 adapter (<c>Monitor:Platforms:X</c>).</summary>
public sealed class XOptions : PlatformOptions
{
    /// <summary>Used when <see cref="PlatformOptions.BaseUrl"/> is not set.</summary>
    public const string DefaultBaseUrl = "https://api.x.com";

    /// <summary>Defaults the budget to the Basic tier's monthly cap: 10,000 per 30 days (the cap counts posts read; see README).</summary>
    public XOptions() => Budget = new() { Requests = 10_000, Window = TimeSpan.FromDays(30) };

    /// <summary>App-only bearer token of an X developer app. Required: without it X accounts end as <c>unauthorized</c>. Never logged.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Timeline pages (100 posts each) read on an account's first poll. Default 5; 1 to 32 (X serves at most the latest 3,200 posts).</summary>
    [Range(1, 32)]
    public int MaxBackfillPages { get; set; } = 5;

    /// <summary>Timeline pages read by a regular poll while catching up a burst. Default 10; 1 to 32.</summary>
    [Range(1, 32)]
    public int MaxPagesPerPoll { get; set; } = 10;

    /// <summary>
    /// Look up the account's recent stored posts not seen in the poll (<c>GET /2/tweets?ids=</c>, one request) to detect
    /// deletions. Default false: every post looked up counts against the app's monthly post cap (the Basic tier's cap is
    /// spent by about eight accounts checked every poll). Opt in with a budget, <see cref="DeletionLookupsPerDay"/>.
    /// </summary>
    public bool CheckDeletions { get; set; }

    /// <summary>With <see cref="CheckDeletions"/>, posts looked up per account and UTC day, at most 100 per poll. Default 100; 1 to 10,000.</summary>
    [Range(1, 10_000)]
    public int DeletionLookupsPerDay { get; set; } = 100;

    /// <summary>
    /// How often the user lookup (profile counts, current username) runs when no timeline page brought them: a page with
    /// posts carries them for free. Default 6 h; 5 min to 7 days.
    /// </summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan ProfileRefreshInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>The timeline's <c>exclude</c> parameter: null (everything), <c>replies</c>, <c>retweets</c> or <c>retweets,replies</c>.</summary>
    [RegularExpression("^(replies|retweets)(,(replies|retweets))?$")]
    public string? Exclude { get; set; }
}
