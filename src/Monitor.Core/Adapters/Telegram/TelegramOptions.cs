using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Adapters.Telegram;

/// <summary>
/// Telegram public channel settings (<c>Monitor:Platforms:Telegram</c>). The web preview is a public page, not an API:
/// poll it gently (one channel at a time by default; a <c>Monitor:Polling:MinInterval</c> of 15 min or more is advised).
/// </summary>
public sealed class TelegramOptions : PlatformOptions
{
    /// <summary>The web preview host used when <see cref="PlatformOptions.BaseUrl"/> is not set.</summary>
    public const string DefaultBaseUrl = "https://t.me";

    public TelegramOptions()
    {
        MaxConcurrency = 1;
    }

    /// <summary>Preview pages (about 20 messages each) read on an account's first poll. Default 5; 1 to 50.</summary>
    [Range(1, 50)]
    public int MaxBackfillPages { get; set; } = 5;

    /// <summary>Preview pages read on a later poll to catch up after a burst. Default 5; 1 to 50.</summary>
    [Range(1, 50)]
    public int MaxPagesPerPoll { get; set; } = 5;

    /// <summary>Wait after HTTP 429 without <c>Retry-After</c>. Default 15 min; 1 min to 1 day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan RateLimitFallback { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The base URL requests go to, without a trailing slash.</summary>
    public string ResolvedBaseUrl => (string.IsNullOrWhiteSpace(BaseUrl) ? DefaultBaseUrl : BaseUrl).TrimEnd('/');
}
