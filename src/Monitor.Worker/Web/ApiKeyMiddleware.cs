using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Monitor.Worker.Web.Api;

namespace Monitor.Worker.Web;

/// <summary>
/// With <see cref="WebOptions.ApiKey"/> set, every request but the probes, the static assets (code, no data) and the
/// sign-in form must carry the key (<see cref="ApiKeyCredentials"/>). A browser asking for a page is sent to the
/// sign-in form; everything else gets 401 with a JSON error.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyCredentials credentials)
{
    private static readonly string[] OpenPrefixes = ["/healthz", "/readyz", "/static", "/lib", SignInEndpoints.Path, SignInEndpoints.SignOutPath];

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!credentials.Required || IsOpen(request.Path) || credentials.IsAuthorized(request))
        {
            return next(context);
        }

        if (WantsPage(request))
        {
            context.Response.Redirect(request.PathBase + SignInEndpoints.Path);
            return Task.CompletedTask;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return context.Response.WriteAsJsonAsync(
            new ApiError($"An API key is required: send it as the {ApiKeyCredentials.HeaderName} header or as Authorization: Bearer <key>, or sign in at {SignInEndpoints.Path}."),
            WebJsonContext.Default.ApiError);
    }

    private static bool IsOpen(PathString path) =>
        OpenPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !request.Path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase)
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
