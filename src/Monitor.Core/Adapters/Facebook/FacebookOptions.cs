using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Adapters.Facebook;

/// <summary>Facebook Graph API settings (<c>Monitor:Platforms:Facebook</c>).</summary>
public sealed class FacebookOptions : PlatformOptions
{
    /// <summary>The Graph API endpoint used when <see cref="PlatformOptions.BaseUrl"/> is not set.</summary>
    public const string DefaultBaseUrl = "https://graph.facebook.com/v23.0";

    /// <summary>
    /// Page or system-user access token (<c>Monitor:Platforms:Facebook:AccessToken</c>). Required to poll; without it
    /// every Facebook account ends <c>unauthorized</c> without a request. Sent only as <c>Authorization: Bearer</c>.
    /// </summary>
    public string? AccessToken { get; set; }

    /// <summary>Posts per Graph API page (<c>limit</c>). Default 100; 1 to 100.</summary>
    [Range(1, 100)]
    public int PageSize { get; set; } = 100;

    /// <summary>Pages read on an account's first poll when backfilling. Default 10; 1 to 100.</summary>
    [Range(1, 100)]
    public int MaxBackfillPages { get; set; } = 10;

    /// <summary>Pages read on a later poll before giving up on a burst. Default 10; 1 to 100.</summary>
    [Range(1, 100)]
    public int MaxPagesPerPoll { get; set; } = 10;

    /// <summary>Wait after a throttling error that gives no regain time. Default 30 min; 1 min to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan RateLimitFallback { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long an account waits when no token is configured, so it does not loop. Default 1 day; 1 h to 30 days.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00")]
    public TimeSpan MissingTokenRetry { get; set; } = TimeSpan.FromDays(1);

    /// <summary>The base URL requests go to, without a trailing slash.</summary>
    public string ResolvedBaseUrl => (string.IsNullOrWhiteSpace(BaseUrl) ? DefaultBaseUrl : BaseUrl).TrimEnd('/');
}
