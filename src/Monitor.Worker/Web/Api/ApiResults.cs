using Microsoft.AspNetCore.Http;

namespace Monitor.Worker.Web.Api;

/// <summary>The answers every endpoint of the API shares.</summary>
internal static class ApiResults
{
    public static IResult BadRequest(string error) =>
        Results.Json(new ApiError(error), WebJsonContext.Default.ApiError, statusCode: StatusCodes.Status400BadRequest);

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
