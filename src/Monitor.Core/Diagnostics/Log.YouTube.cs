using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    // Paths only: the API key travels in the query string.
    [LoggerMessage(2300, LogLevel.Debug, "YouTube GET {Path}: HTTP {Status}")]
    public static partial void YouTubeRequested(ILogger logger, string path, int status);

    [LoggerMessage(2301, LogLevel.Information, "YouTube backfill of {AccountId}: page {Page}, {Posts} videos so far")]
    public static partial void YouTubeBackfillProgress(ILogger logger, string accountId, int page, int posts);

    [LoggerMessage(2302, LogLevel.Warning, "YouTube uploads of {AccountId} stopped at the page cap ({Pages} pages); older videos were not fetched")]
    public static partial void YouTubePageCapReached(ILogger logger, string accountId, int pages);

    [LoggerMessage(2303, LogLevel.Warning, "YouTube deletion check of {AccountId} skipped: {Status} {Error}")]
    public static partial void YouTubeDeletionCheckFailed(ILogger logger, string accountId, string status, string? error);

    [LoggerMessage(2304, LogLevel.Warning, "None of the {Entries} feed entries of {AccountId} was seen before: videos beyond the feed's window may be missed (set Monitor:Platforms:YouTube:ApiKey to catch up)")]
    public static partial void YouTubeFeedWindowOverrun(ILogger logger, string accountId, int entries);

    [LoggerMessage(2305, LogLevel.Information, "YouTube handle {Handle} of {AccountId} resolved to channel {ChannelId}")]
    public static partial void YouTubeHandleResolved(ILogger logger, string accountId, string handle, string channelId);
}
