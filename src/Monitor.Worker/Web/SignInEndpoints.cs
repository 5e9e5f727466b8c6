using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Monitor.Worker.Web;

/// <summary>
/// The dashboard's sign-in form: <c>GET /signin</c> serves it, <c>POST /signin</c> with the form field <c>key</c>
/// sets the session cookie when the key matches, <c>POST /signout</c> removes it. The cookie is HttpOnly and
/// SameSite=Strict, so other sites can neither read it nor send it.
/// </summary>
internal static class SignInEndpoints
{
    public const string Path = "/signin";

    public const string SignOutPath = "/signout";

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, (HttpContext http, ApiKeyCredentials credentials, IWebHostEnvironment environment) => credentials.Required
            ? Results.File(System.IO.Path.Combine(environment.WebRootPath, "signin.html"), "text/html; charset=utf-8")
            : Results.Redirect(http.Request.PathBase + "/"));
        endpoints.MapPost(Path, SignInAsync).DisableAntiforgery();
        endpoints.MapPost(SignOutPath, (HttpContext http, ApiKeyCredentials credentials) =>
        {
            http.Response.Cookies.Delete(ApiKeyCredentials.CookieName, credentials.CookieOptions(http.Request));
            return Results.Redirect(http.Request.PathBase + Path, permanent: false, preserveMethod: false);
        });
        return endpoints;
    }

    private static async Task<IResult> SignInAsync(HttpContext http, ApiKeyCredentials credentials, CancellationToken ct)
    {
        var request = http.Request;
        if (!credentials.Required)
        {
            return Results.Redirect(request.PathBase + "/");
        }

        var key = request.HasFormContentType ? (await request.ReadFormAsync(ct))["key"].FirstOrDefault() : null;
        if (!credentials.Matches(key))
        {
            return Results.Redirect(request.PathBase + Path + "?failed=1");
        }

        http.Response.Cookies.Append(ApiKeyCredentials.CookieName, credentials.SessionToken(), credentials.CookieOptions(request));
        return Results.Redirect(request.PathBase + "/");
    }
}
