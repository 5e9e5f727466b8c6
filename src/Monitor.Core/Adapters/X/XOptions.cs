using System.ComponentModel.DataAnnotations;
using Monitor.Core.Adapters;

namespace Monitor.Core.Adapters.X;

/// <summary>Settings of the X API v2 adapter (<c>Monitor:Platforms:X</c>).</summary>
public sealed class XOptions : PlatformOptions
{
    /// <summary>Used when <see cref="PlatformOptions.BaseUrl"/> is not set.</summary>
    public const string DefaultBaseUrl = "https://api.x.com";

    /// <summary>App-only bearer token of an X developer app. Required: without it X accounts end as <c>unauthorized</c>. Never logged.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Timeline pages (100 posts each) read on an account's first poll. Default 5; 1 to 32 (X serves at most the latest 3,200 posts).</summary>
    [Range(1, 32)]
    public int MaxBackfillPages { get; set; } = 5;

    /// <summary>Timeline pages read by a regular poll while catching up a burst. Default 10; 1 to 32.</summary>
    [Range(1, 32)]
    public int MaxPagesPerPoll { get; set; } = 10;

    /// <summary>Look up the account's recent stored posts (<c>GET /2/tweets?ids=</c>, one request per poll) to detect deletions. Default true.</summary>
    public bool CheckDeletions { get; set; } = true;

    /// <summary>The timeline's <c>exclude</c> parameter: null (everything), <c>replies</c>, <c>retweets</c> or <c>retweets,replies</c>.</summary>
    [RegularExpression("^(replies|retweets)(,(replies|retweets))?$")]
    public string? Exclude { get; set; }
}
