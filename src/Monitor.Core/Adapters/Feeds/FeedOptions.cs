using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// Settings of the <c>rss</c> platform (<c>Monitor:Platforms:Rss</c>). The inherited <see cref="PlatformOptions.BaseUrl"/>
/// is not used: every account's handle is its own absolute feed URL.
/// </summary>
public sealed class FeedOptions : PlatformOptions
{
    /// <summary>
    /// Entries kept from one document, in document order (feeds list newest first). Default 1000; 1 to 100 000.
    /// Bounds the work a runaway feed (an archive of every item ever published) can cause in one poll.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxEntries { get; set; } = 1000;
}
