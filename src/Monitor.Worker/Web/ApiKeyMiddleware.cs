using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Monitor.Worker.Web.Api;

namespace Monitor.Worker.Web;

/// <summary>
/// With <see cref="WebOptions.ApiKey"/> set, every request but the probes and the static assets (code, no data) must
/// carry the key as <c>X-Api-Key</c> or <c>?apiKey=</c>. Compared in constant time.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<WebOptions> options)
{
    public const string HeaderName = "X-Api-Key";
    public const string QueryName = "apiKey";

    private static readonly string[] OpenPrefixes = ["/healthz", "/readyz", "/static/", "/lib/"];

    private readonly byte[]? key = options.Value.ApiKey is { } k ? Encoding.UTF8.GetBytes(k) : null;

    public Task InvokeAsync(HttpContext context)
    {
        if (key is null || IsOpen(context.Request.Path) || Matches(Presented(context.Request)))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        return context.Response.WriteAsJsonAsync(
            new ApiError($"An API key is required: send it as the {HeaderName} header or the {QueryName} query parameter."),
            WebJsonContext.Default.ApiError);
    }

    private static bool IsOpen(PathString path) =>
        OpenPrefixes.Any(prefix => path.StartsWithSegments(prefix.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));

    private static string? Presented(HttpRequest request) =>
        request.Headers.TryGetValue(HeaderName, out var header) && header.Count > 0 ? header[0]
        : request.Query.TryGetValue(QueryName, out var query) && query.Count > 0 ? query[0]
        : null;

    private bool Matches(string? presented) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), key);
}
