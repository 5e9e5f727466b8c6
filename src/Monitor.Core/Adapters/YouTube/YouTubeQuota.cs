namespace Monitor.Core.Adapters.YouTube;

/// <summary>The Data API's daily quota resets at midnight Pacific Time (https://developers.google.com/youtube/v3/getting-started#quota).</summary>
internal static class YouTubeQuota
{
    // Without tz data, UTC−8 (standard time) errs on the late side in summer: never before the real reset.
    private static readonly TimeZoneInfo Pacific =
        TimeZoneInfo.TryFindSystemTimeZoneById("America/Los_Angeles", out var zone)
            ? zone
            : TimeZoneInfo.CreateCustomTimeZone("Pacific Standard Time (fixed)", TimeSpan.FromHours(-8), "PST", "PST");

    public static DateTimeOffset NextReset(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Pacific);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, Pacific.GetUtcOffset(midnight));
    }
}
