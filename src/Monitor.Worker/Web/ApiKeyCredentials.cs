using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Monitor.Worker.Web;

/// <summary>
/// The ways a request may carry <see cref="WebOptions.ApiKey"/>: the <c>X-Api-Key</c> header, <c>Authorization:
/// Bearer</c> (RFC 6750 §2.1, what Prometheus' <c>authorization:</c> scrape setting sends), or the sign-in cookie.
/// Never a query parameter: URLs end up in browser history and proxy logs. The cookie holds an HMAC of the key, not
/// the key, so a copied cookie does not reveal it and stops working when the key changes. Compared in constant time.
/// </summary>
internal sealed class ApiKeyCredentials(IOptions<WebOptions> options)
{
    public const string HeaderName = "X-Api-Key";
    public const string CookieName = "monitor_session";

    /// <summary>How long the sign-in cookie lasts.</summary>
    public static readonly TimeSpan CookieLifetime = TimeSpan.FromDays(30);

    private static readonly byte[] SessionPurpose = "monitor-dashboard-session-v1"u8.ToArray();

    private readonly byte[]? key = options.Value.ApiKey is { } k ? Encoding.UTF8.GetBytes(k) : null;

    /// <summary>False when no key is configured: everything is open.</summary>
    public bool Required => key is not null;

    public bool IsAuthorized(HttpRequest request) =>
        Matches(request.Headers[HeaderName].FirstOrDefault())
        || Matches(Bearer(request.Headers.Authorization.FirstOrDefault()))
        || (request.Cookies.TryGetValue(CookieName, out var cookie) && SameSession(cookie));

    public bool Matches(string? presented) =>
        key is not null && presented is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), key);

    /// <summary>The cookie value that proves a sign-in with the key.</summary>
    public string SessionToken() =>
        Base64Url(HMACSHA256.HashData(key ?? throw new InvalidOperationException("No API key is configured."), SessionPurpose));

    public CookieOptions CookieOptions(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = request.PathBase.HasValue ? request.PathBase.Value : "/",
        MaxAge = CookieLifetime,
    };

    private bool SameSession(string cookie) =>
        key is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(cookie), Encoding.ASCII.GetBytes(SessionToken()));

    private static string? Bearer(string? authorization) =>
        authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? authorization["Bearer ".Length..].Trim()
            : null;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
