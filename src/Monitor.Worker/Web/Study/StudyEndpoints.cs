using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Activity.Study;
using Monitor.Core.Activity.Study.Svg;
using Monitor.Worker.Web.Api;

namespace Monitor.Worker.Web.Study;

/// <summary>
/// <c>/study?from&amp;to[&amp;format=html|markdown|json][&amp;activeOnly=true]</c>: the study the CLI writes, served by the
/// same code; <c>/study/map.svg?from&amp;to</c>: its presence map alone, for the dashboard. GET only.
/// </summary>
internal static class StudyEndpoints
{
    // The study is self-contained: inline CSS and SVG, no script, nothing fetched.
    private const string StudyPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapStudy(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/study", GetStudyAsync);
        endpoints.MapGet("/study/map.svg", GetMapAsync);
        return endpoints;
    }

    private static async Task<IResult> GetStudyAsync(HttpContext http, StudyService study, TimeProvider time, CancellationToken ct)
    {
        if (!ReportQuery.TryParseWindow(http.Request.Query, Today(time), out var window, out var error))
        {
            return BadRequest(error!);
        }

        var format = http.Request.Query["format"].FirstOrDefault() ?? "html";
        if (!Enum.TryParse<StudyFormat>(format, ignoreCase: true, out var studyFormat) || !Enum.IsDefined(studyFormat) || int.TryParse(format, out _))
        {
            return BadRequest("'format' must be html, markdown or json.");
        }

        var report = await study.GetStudyAsync(window, ActiveOnly(http), ct);
        await using var text = new StringWriter();
        await study.WriteAsync(report, studyFormat, text, ct);
        http.Response.Headers.ContentSecurityPolicy = StudyPolicy;
        var contentType = studyFormat switch
        {
            StudyFormat.Json => "application/json; charset=utf-8",
            StudyFormat.Markdown => "text/markdown; charset=utf-8",
            _ => "text/html; charset=utf-8",
        };
        return Results.Text(text.ToString(), contentType);
    }

    private static async Task<IResult> GetMapAsync(HttpContext http, ActivityReportService reports, TimeProvider time, CancellationToken ct)
    {
        if (!ReportQuery.TryParseWindow(http.Request.Query, Today(time), out var window, out var error))
        {
            return BadRequest(error!);
        }

        var presence = await reports.GetPresenceAsync(window, ActiveOnly(http), ct);
        var membership = presence.Membership!;
        var svg = PresenceMapSvg.Render(membership, membership.Platforms.Count);
        http.Response.Headers.ContentSecurityPolicy = StudyPolicy;
        return Results.Text(svg.ToString(SaveOptions.DisableFormatting), "image/svg+xml; charset=utf-8");
    }

    private static bool ActiveOnly(HttpContext http) =>
        string.Equals(http.Request.Query["activeOnly"].FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase);

    private static IResult BadRequest(string error) =>
        Results.Json(new ApiError(error), WebJsonContext.Default.ApiError, statusCode: StatusCodes.Status400BadRequest);

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
