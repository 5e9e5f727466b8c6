using Microsoft.Extensions.Logging;

namespace Monitor.Core.Diagnostics;

/// <summary>Account sources (Wikidata import, site discovery): event ids 1350–1379 of the accounts range.</summary>
internal static partial class Log
{
    [LoggerMessage(1350, LogLevel.Information, "Wikidata query {Query} answered {Rows} rows in {Elapsed}")]
    public static partial void WikidataQueryAnswered(ILogger logger, string query, int rows, TimeSpan elapsed);

    [LoggerMessage(1351, LogLevel.Debug, "Wikidata statement skipped: {Reason}")]
    public static partial void WikidataStatementSkipped(ILogger logger, string reason);

    [LoggerMessage(1360, LogLevel.Information, "Home page {Url} read: {Feeds} feeds, {Profiles} profiles")]
    public static partial void HomePageRead(ILogger logger, string url, int feeds, int profiles);
}
