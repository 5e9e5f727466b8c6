using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Adapters.YouTube;

/// <summary>Settings of the YouTube adapter (<c>Monitor:Platforms:YouTube</c>).</summary>
public sealed class YouTubeOptions : PlatformOptions
{
    /// <summary>Used when <see cref="PlatformOptions.BaseUrl"/> (where the channel feeds are served) is not set.</summary>
    public const string DefaultBaseUrl = "https://www.youtube.com";

    /// <summary>Base URL of the YouTube Data API v3. Default <c>https://www.googleapis.com/youtube/v3</c>.</summary>
    [Required]
    [Url]
    public string ApiBaseUrl { get; set; } = "https://www.googleapis.com/youtube/v3";

    /// <summary>Defaults the budget to the Data API's default quota: 10,000 units a day, reset at midnight Pacific Time.</summary>
    public YouTubeOptions() => Budget = new()
    {
        Requests = 10_000, Window = TimeSpan.FromDays(1), Anchor = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(-8)),
    };

    /// <inheritdoc />
    public override IEnumerable<string?> ApiBaseUrls() => [BaseUrl, ApiBaseUrl];

    /// <summary>Data API calls cost 1 quota unit each (channels, playlistItems and videos list); the channel feed costs none.</summary>
    public override int RequestCost(Uri uri) =>
        uri.AbsoluteUri.StartsWith(ApiBaseUrl.TrimEnd('/') + "/", StringComparison.OrdinalIgnoreCase) ? 1 : 0;

    /// <inheritdoc />
    public override string BudgetUnit() => "units";

    /// <summary>
    /// YouTube Data API key, optional. Without it only the channel feed is read (latest ~15 videos, UC channel ids only);
    /// with it: @handles, subscriber/video counts, backfill, burst catch-up and deletions. Never logged.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>Pages of the uploads playlist (50 videos, 1 quota unit each) read by a backfill or catch-up. Default 4; 1 to 100.</summary>
    [Range(1, 100)]
    public int MaxBackfillPages { get; set; } = 4;

    /// <summary>With an API key, check recent stored videos with <c>videos.list</c> (1 quota unit per poll) to detect deletions. Default true.</summary>
    public bool CheckDeletions { get; set; } = true;
}
