using System.Net;
using System.Net.Sockets;

namespace Monitor.Core.Http;

/// <summary>
/// Refuses requests that would reach a private address (see <see cref="PrivateAddress"/>) unless their origin is
/// trusted for the account being fetched (<see cref="TrustedOrigins"/>). The decision travels with the request to
/// <see cref="PrivateNetworkConnector"/>, which checks the address actually connected to, so DNS rebinding between
/// this check and the connection cannot slip through.
/// </summary>
internal sealed class PrivateNetworkGuardHandler(IReadOnlyList<string?> platformBaseUrls) : DelegatingHandler
{
    /// <summary>True when the request may connect to a private address (its origin is trusted).</summary>
    public static readonly HttpRequestOptionsKey<bool> MayReachPrivate = new("Monitor.MayReachPrivate");

    /// <summary>Set by <see cref="RedirectHandler"/> on the request that follows a redirect: the URL that redirected.</summary>
    public static readonly HttpRequestOptionsKey<Uri> RedirectedFrom = new("Monitor.RedirectedFrom");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!;
        var trusted = TrustedOrigins.Contains(url, FetchContext.Account, platformBaseUrls);
        request.Options.Set(MayReachPrivate, trusted);
        if (!trusted && await FirstPrivateAddressAsync(url, cancellationToken) is { } address)
        {
            // A pooled connection opened for a trusted request would skip the connect-time check: check here too.
            throw Refusal(request, address);
        }

        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.InnerException is PrivateNetworkRefusedException refused)
        {
            throw Refusal(request, refused.Message);
        }
    }

    private static PrivateNetworkRefusedException Refusal(HttpRequestMessage request, string address)
    {
        var what = request.Options.TryGetValue(RedirectedFrom, out _) ? "redirect" : "request";
        return new PrivateNetworkRefusedException(
            $"{what} to a private address refused: {request.RequestUri} resolves to {address} "
            + "(only the account's own URL, its origin and the platform's BaseUrl may be private; Monitor:Http:AllowPrivateNetworks=true allows all).");
    }

    /// <summary>The host's address when every address it resolves to is private; null when one is public or DNS fails (the connection then fails as usual).</summary>
    private static async Task<string?> FirstPrivateAddressAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            var addresses = await PrivateNetworkConnector.ResolveAsync(url.IdnHost, cancellationToken);
            return addresses.Length > 0 && addresses.All(PrivateAddress.IsPrivate) ? addresses[0].ToString() : null;
        }
        catch (SocketException)
        {
            return null;
        }
    }
}
