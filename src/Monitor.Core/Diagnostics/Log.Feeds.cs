using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Debug, "Feed {FeedUrl} read as {Format}: {Entries} entries, {Posts} posts")]
    public static partial void FeedParsed(ILogger logger, string feedUrl, string format, int entries, int posts);

    [LoggerMessage(2001, LogLevel.Debug, "Feed {FeedUrl} not modified since the last poll")]
    public static partial void FeedNotModified(ILogger logger, string feedUrl);

    [LoggerMessage(2002, LogLevel.Debug, "Feed {FeedUrl} answered HTTP {StatusCode}")]
    public static partial void FeedHttpFailed(ILogger logger, string feedUrl, int statusCode);
}
