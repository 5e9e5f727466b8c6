using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Worker.Web.Api;

/// <summary>The read-only JSON API: GET only, nothing here changes data.</summary>
internal static class ApiEndpoints
{
    public static IEndpointRouteBuilder MapMonitorApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api");
        api.MapGet("/accounts", ListAccountsAsync);
        api.MapGet("/accounts/{id}/activity", GetAccountActivityAsync);
        api.MapGet("/reports/activity", (HttpContext http, ActivityReportService reports, TimeProvider time, CancellationToken ct) =>
            ReportAsync(http, ReportKind.Activity, time, async r => Results.Json(await reports.GetActivityAsync(r.Window, ct), ReportJsonContext.Default.IReadOnlyListAccountActivity)));
        api.MapGet("/reports/presence", (HttpContext http, ActivityReportService reports, TimeProvider time, CancellationToken ct) =>
            ReportAsync(http, ReportKind.Presence, time, async r => Results.Json(
                await reports.GetPresenceAsync(r.Window, http.Request.Query["activeOnly"] == "true", ct), ReportJsonContext.Default.PresenceReport)));
        api.MapGet("/reports/leaderboard", (HttpContext http, ActivityReportService reports, TimeProvider time, CancellationToken ct) =>
            ReportAsync(http, ReportKind.Leaderboard, time, async r => Results.Json(await reports.GetLeaderboardAsync(r, ct), ReportJsonContext.Default.IReadOnlyListLeaderboardEntry)));
        api.MapGet("/reports/dormant", (HttpContext http, ActivityReportService reports, TimeProvider time, CancellationToken ct) =>
            ReportAsync(http, ReportKind.Dormant, time, async r => Results.Json(await reports.GetDormantAsync(r, ct), ReportJsonContext.Default.IReadOnlyListDormantEntry)));
        api.MapAccountHistory();
        api.MapPostVersions();
        api.MapDashboardApi();
        api.MapSearchApi();
        return endpoints;
    }

    private static async Task<IResult> ListAccountsAsync(IAccountStore accounts, SecretRedactor redactor, CancellationToken ct)
    {
        var records = await accounts.ListAccountsAsync(ct);
        return Results.Json(records.Select(r => AccountSummary.From(r, redactor)).ToArray(), WebJsonContext.Default.IReadOnlyListAccountSummary);
    }

    private static async Task<IResult> GetAccountActivityAsync(
        string id, HttpContext http, ActivityReportService reports, IActivityQueries queries, TimeProvider time, CancellationToken ct)
    {
        if (!ReportQuery.TryParseWindow(http.Request.Query, ApiResults.Today(time), out var window, out var error))
        {
            return ApiResults.BadRequest(error!);
        }

        // The activity row comes from the same aggregate as the reports, so the page and the reports always agree.
        var activity = (await reports.GetActivityAsync(window, ct)).FirstOrDefault(a => string.Equals(a.AccountId, id, StringComparison.Ordinal));
        if (activity is null)
        {
            return Results.Json(new ApiError($"No enabled account '{id}'."), WebJsonContext.Default.ApiError, statusCode: StatusCodes.Status404NotFound);
        }

        var days = await queries.DailyCountsAsync(id, window, ct);
        return Results.Json(AccountActivityResponse.Create(window, activity, days), WebJsonContext.Default.AccountActivityResponse);
    }

    private static async Task<IResult> ReportAsync(HttpContext http, ReportKind kind, TimeProvider time, Func<ReportRequest, Task<IResult>> run) =>
        ReportQuery.TryParse(http.Request.Query, kind, ApiResults.Today(time), out var request, out var error)
            ? await run(request)
            : ApiResults.BadRequest(error!);

}
