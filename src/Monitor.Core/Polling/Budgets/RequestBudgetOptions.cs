using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Polling.Budgets;

/// <summary>
/// A platform's request budget (<c>Monitor:Platforms:&lt;Platform&gt;:Budget</c>): at most <see cref="Requests"/> requests
/// (YouTube: Data API quota units) per <see cref="Window"/>, kept per worker process. Windows are fixed and aligned to
/// <see cref="Anchor"/>; a poll that would exceed the window's budget is deferred to the window's end.
/// </summary>
public sealed class RequestBudgetOptions
{
    /// <summary>Requests (or units) a window allows; 0 turns the budget off. Default depends on the platform; 0 to 100,000,000.</summary>
    [Range(0, 100_000_000)]
    public int Requests { get; set; }

    /// <summary>Length of one budget window. Default depends on the platform (1 h when unset); 1 s to 366 days.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "366.00:00:00")]
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// A moment a window starts at; windows are <c>Anchor + k × Window</c>. Default 2000-01-01T00:00Z (windows of a day
    /// reset at midnight UTC); YouTube's default is midnight Pacific Standard Time, when its quota resets.
    /// </summary>
    public DateTimeOffset Anchor { get; set; } = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// True to keep one budget per host (a Mastodon instance limits each client IP on its own), false for one per
    /// platform. Default false; true for Mastodon.
    /// </summary>
    public bool PerHost { get; set; }

    /// <summary>True when a budget is set.</summary>
    public bool Enabled => Requests > 0;

    /// <summary>Start of the window that holds <paramref name="now"/>.</summary>
    public DateTimeOffset WindowStart(DateTimeOffset now)
    {
        var windows = Math.Floor((now - Anchor) / Window);
        return Anchor + windows * Window;
    }
}
