using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Monitor.Core.Polling;
using Monitor.Core.Storage;
using Quartz;

namespace Monitor.Worker.Web.Api;

/// <summary>The overview's extras: its refresh interval and posts per day by platform.</summary>
internal static class DashboardEndpoints
{
    /// <summary>The dashboard never reloads more often than this, however short the cycle interval.</summary>
    public static readonly TimeSpan MinRefresh = TimeSpan.FromSeconds(15);

    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        api.MapGet("/status", (IOptions<PollingOptions> polling, PollCycleState cycles, ApiKeyCredentials credentials, TimeProvider time) =>
        {
            var interval = CycleInterval(polling.Value, time.GetUtcNow());
            var current = cycles.Current;
            return Results.Json(new DashboardStatus(interval.TotalSeconds, RefreshInterval(interval).TotalSeconds, current.LastStartedAt, current.LastFinishedAt, credentials.Required),
                WebJsonContext.Default.DashboardStatus);
        });
        api.MapGet("/reports/posts-per-day", GetPostsPerDayAsync);
        return api;
    }

    /// <summary>How often the page reloads: every cycle, but not more often than <see cref="MinRefresh"/>.</summary>
    public static TimeSpan RefreshInterval(TimeSpan cycleInterval) => cycleInterval > MinRefresh ? cycleInterval : MinRefresh;

    /// <summary><see cref="PollingOptions.CycleInterval"/>, or with a cron expression the gap between its next two firings (UTC, as scheduled).</summary>
    public static TimeSpan CycleInterval(PollingOptions polling, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(polling.Cron) || !CronExpression.TryParse(polling.Cron, out var parsed))
        {
            return polling.CycleInterval;
        }

        var cron = parsed.WithTimeZone(TimeZoneInfo.Utc);
        return cron.GetNextValidTimeAfter(now) is { } next && cron.GetNextValidTimeAfter(next) is { } after
            ? after - next
            : polling.CycleInterval;
    }

    private static async Task<IResult> GetPostsPerDayAsync(HttpContext http, IRecentRecordReader recent, TimeProvider time, CancellationToken ct)
    {
        if (!ReportQuery.TryParseWindow(http.Request.Query, ApiResults.Today(time), out var window, out var error))
        {
            return ApiResults.BadRequest(error!);
        }

        var counts = await recent.CountPostsByDayAndPlatformAsync(window.Start, window.End, ct);
        var days = Enumerable.Range(0, window.Days).Select(i => window.From.AddDays(i)).ToArray();
        var platforms = counts.GroupBy(c => c.Platform).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var byDay = g.ToDictionary(c => c.Day, c => c.Posts);
                return new PlatformSeries(g.Key, days.Select(d => byDay.GetValueOrDefault(d)).ToArray());
            })
            .ToArray();
        return Results.Json(new PostsPerDayResponse(window.From, window.To, days, platforms), WebJsonContext.Default.PostsPerDayResponse);
    }
}
