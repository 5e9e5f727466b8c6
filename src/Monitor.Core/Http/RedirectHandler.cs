using System.Net;

namespace Monitor.Core.Http;

/// <summary>
/// Follows redirects itself (up to five, like SocketsHttpHandler did) so that each hop is a request of its own:
/// the private-network guard judges every target, and the capture archive records every exchange.
/// </summary>
internal sealed class RedirectHandler : DelegatingHandler
{
    private const int MaxRedirects = 5;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var current = request;
        var response = await base.SendAsync(current, cancellationToken);
        for (var hop = 0; hop < MaxRedirects && Target(current, response) is { } target; hop++)
        {
            current = Follow(current, target, response.StatusCode);
            response.Dispose();
            response = await base.SendAsync(current, cancellationToken);
        }

        return response;
    }

    /// <summary>Where a 3xx points; null when it is not a redirect, or one to follow (other scheme, https to http).</summary>
    private static Uri? Target(HttpRequestMessage request, HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect) || response.Headers.Location is not { } location)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(request.RequestUri!, location);
        var downgrade = request.RequestUri!.Scheme == Uri.UriSchemeHttps && target.Scheme == Uri.UriSchemeHttp;
        return target.Scheme is not ("http" or "https") || downgrade ? null : target;
    }

    // RFC 9110 §15.4: 301/302 may and 303 must turn into GET; 307/308 repeat the method. Authorization and cookies do
    // not follow to another origin.
    private static HttpRequestMessage Follow(HttpRequestMessage previous, Uri target, HttpStatusCode status)
    {
        var keepMethod = status is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect || previous.Method == HttpMethod.Head;
        var next = new HttpRequestMessage(keepMethod ? previous.Method : HttpMethod.Get, target)
        {
            Version = previous.Version,
            VersionPolicy = previous.VersionPolicy,
        };
        var sameOrigin = TrustedOrigins.Origin(previous.RequestUri!) == TrustedOrigins.Origin(target);
        foreach (var header in previous.Headers)
        {
            if (sameOrigin || !(header.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase) || header.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase)))
            {
                next.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        next.Options.Set(PrivateNetworkGuardHandler.RedirectedFrom, previous.RequestUri!);
        return next;
    }
}
