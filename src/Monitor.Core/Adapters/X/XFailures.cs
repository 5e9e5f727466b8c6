using System.Net;
using System.Text.Json;
using Monitor.Core.Http;

namespace Monitor.Core.Adapters.X;

/// <summary>Maps X API v2 failures (HTTP errors and the problems in <c>errors[]</c>) to poll results.</summary>
internal static class XFailures
{
    /// <summary>How long X polling pauses after a usage cap: the cap resets with the billing period, which the response does not give.</summary>
    public static readonly TimeSpan UsageCapRecheck = TimeSpan.FromDays(1);

    private static readonly TimeSpan DefaultRateLimitWindow = TimeSpan.FromMinutes(15);

    public static async Task<FetchResult> FromResponseAsync(HttpResponseMessage response, long maxBytes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        var problem = await TryReadProblemAsync(response, maxBytes, cancellationToken);
        var detail = problem?.Detail ?? problem?.Title;
        return response.StatusCode switch
        {
            HttpStatusCode.TooManyRequests => RateLimited(response, problem, now),
            HttpStatusCode.Unauthorized => FetchResult.Failed(PollStatus.Unauthorized, $"X rejected the bearer token (HTTP 401{Suffix(detail)}).", code),
            HttpStatusCode.Forbidden => FetchResult.Failed(PollStatus.Unauthorized, $"X refused access (HTTP 403{Suffix(detail)}).", code),
            _ => WithDetail(HttpFailures.ToResult(response, now), detail),
        };
    }

    /// <summary>A 200 whose <c>errors[]</c> replaces the data: unknown, suspended or protected account.</summary>
    public static FetchResult FromProblem(XProblem problem, string username)
    {
        if (problem.Detail?.Contains("suspended", StringComparison.OrdinalIgnoreCase) == true || problem.Title == "Forbidden")
        {
            return FetchResult.Failed(PollStatus.Suspended, $"X account @{username} is suspended.", 200);
        }

        if (problem.Type?.EndsWith("/resource-not-found", StringComparison.Ordinal) == true)
        {
            return FetchResult.Failed(PollStatus.NotFound, $"X account @{username} does not exist.", 200);
        }

        if (problem.Type?.EndsWith("/not-authorized-for-resource", StringComparison.Ordinal) == true)
        {
            return FetchResult.Failed(PollStatus.Unauthorized, $"X account @{username} is protected: {problem.Detail}", 200);
        }

        return FetchResult.Failed(PollStatus.Error, $"X: {problem.Title}: {problem.Detail}", 200);
    }

    // With an app-only bearer token every limit is per app and endpoint (https://docs.x.com/x-api/fundamentals/rate-limits):
    // the next account would get the same 429, so the whole platform waits for x-rate-limit-reset.
    private static FetchResult RateLimited(HttpResponseMessage response, XProblem? problem, DateTimeOffset now)
    {
        if (problem is not null && (problem.Title == "UsageCapExceeded" || problem.Type?.EndsWith("/usage-capped", StringComparison.Ordinal) == true))
        {
            var recheck = now + UsageCapRecheck;
            return new FetchResult
            {
                Status = PollStatus.RateLimited, HttpStatus = 429, PlatformWide = true, RetryAfter = recheck,
                Error = $"X usage cap exceeded ({problem.Detail ?? problem.Title}); X polling paused until {recheck:u}.",
            };
        }

        var headers = response.Headers;
        var reset = RetryAfterHeader.ReadEpochSeconds(headers, "x-rate-limit-reset");
        if (headers.TryGetValues("x-app-limit-24hour-remaining", out var remaining) && remaining.FirstOrDefault() == "0"
            && RetryAfterHeader.ReadEpochSeconds(headers, "x-app-limit-24hour-reset") is { } dayReset && dayReset > (reset ?? now))
        {
            reset = dayReset;
        }

        var until = reset ?? RetryAfterHeader.ReadRetryAfter(headers, now) ?? now + DefaultRateLimitWindow;
        return new FetchResult
        {
            Status = PollStatus.RateLimited, HttpStatus = 429, PlatformWide = true, RetryAfter = until < now ? now : until,
            Error = $"X rate limit reached; resets at {until:u}.",
        };
    }

    private static async Task<XProblem?> TryReadProblemAsync(HttpResponseMessage response, long maxBytes, CancellationToken cancellationToken)
    {
        try
        {
            var body = await ResponseReader.ReadBytesAsync(response, Math.Min(maxBytes, 64 * 1024), cancellationToken);
            return body.Length == 0 ? null : JsonSerializer.Deserialize(body, XJsonContext.Default.XProblem);
        }
        catch (Exception ex) when (ex is JsonException or PayloadFormatException)
        {
            return null; // The status code alone still says what happened.
        }
    }

    private static FetchResult WithDetail(FetchResult result, string? detail) =>
        detail is null ? result : result with { Error = $"{result.Error}: {detail}" };

    private static string Suffix(string? detail) => detail is null ? string.Empty : ": " + detail;
}
