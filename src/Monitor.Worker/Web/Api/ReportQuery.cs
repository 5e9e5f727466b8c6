using System.Globalization;
using Microsoft.AspNetCore.Http;
using Monitor.Core.Accounts;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Reports;

namespace Monitor.Worker.Web.Api;

/// <summary>
/// The report parameters of the CLI as query parameters: <c>from</c>, <c>to</c> (UTC dates <c>yyyy-MM-dd</c>, both
/// inclusive; default the 30 days ending today), <c>by</c>, <c>platform</c>, <c>actor</c>, <c>top</c> (1–1000, default 10).
/// </summary>
internal static class ReportQuery
{
    public const int DefaultDays = 30;
    private const int MaxTop = 1000;

    public static bool TryParseWindow(IQueryCollection query, DateOnly today, out ActivityWindow window, out string? error)
    {
        window = ActivityWindow.Last(DefaultDays, today);
        if (!TryParseDate(query, "to", out var to, out error) || !TryParseDate(query, "from", out var from, out error))
        {
            return false;
        }

        var end = to ?? today;
        var start = from ?? end.AddDays(1 - DefaultDays);
        if (end < start)
        {
            error = $"'to' ({end:yyyy-MM-dd}) is before 'from' ({start:yyyy-MM-dd}).";
            return false;
        }

        window = new ActivityWindow(start, end);
        return true;
    }

    public static bool TryParse(IQueryCollection query, ReportKind kind, DateOnly today, out ReportRequest request, out string? error)
    {
        request = null!;
        if (!TryParseWindow(query, today, out var window, out error))
        {
            return false;
        }

        var by = LeaderboardMetric.PostsPerDay;
        if (query["by"].FirstOrDefault() is { Length: > 0 } byText && !ReportRequest.TryParseName(byText, out by))
        {
            error = $"'by' must be one of {string.Join(", ", Enum.GetNames<LeaderboardMetric>())} (case-insensitive).";
            return false;
        }

        ActorType? actor = null;
        if (query["actor"].FirstOrDefault() is { Length: > 0 } actorText)
        {
            if (!ReportRequest.TryParseName(actorText, out ActorType parsed))
            {
                error = $"'actor' must be one of {string.Join(", ", Enum.GetNames<ActorType>())}.";
                return false;
            }

            actor = parsed;
        }

        var top = 10;
        if (query["top"].FirstOrDefault() is { Length: > 0 } topText
            && (!int.TryParse(topText, NumberStyles.None, CultureInfo.InvariantCulture, out top) || top is < 1 or > MaxTop))
        {
            error = $"'top' must be a whole number from 1 to {MaxTop}.";
            return false;
        }

        var platform = query["platform"].FirstOrDefault() is { Length: > 0 } p ? Platforms.Normalize(p) : null;
        request = new ReportRequest(kind, window, ReportFormat.Json) { By = by, Actor = actor, Platform = platform, Top = top };
        return true;
    }

    /// <summary><c>limit</c>: a whole number from 1 to <paramref name="max"/>; <paramref name="fallback"/> when absent.</summary>
    public static bool TryParseLimit(IQueryCollection query, int fallback, int max, out int limit, out string? error)
    {
        limit = fallback;
        error = null;
        if (query["limit"].FirstOrDefault() is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > max))
        {
            error = $"'limit' must be a whole number from 1 to {max}.";
            return false;
        }

        return true;
    }

    private static bool TryParseDate(IQueryCollection query, string name, out DateOnly? date, out string? error)
    {
        date = null;
        error = null;
        if (query[name].FirstOrDefault() is not { Length: > 0 } text)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        error = $"'{name}' must be a UTC date yyyy-MM-dd.";
        return false;
    }
}
