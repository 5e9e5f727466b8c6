using System.Net;
using System.Net.Sockets;

namespace Monitor.Core.Http;

/// <summary>
/// <see cref="SocketsHttpHandler.ConnectCallback"/> that connects only to public addresses unless the request that
/// opens the connection was marked trusted by <see cref="PrivateNetworkGuardHandler"/>.
/// </summary>
internal static class PrivateNetworkConnector
{
    public static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var mayReachPrivate = context.InitialRequestMessage.Options.TryGetValue(PrivateNetworkGuardHandler.MayReachPrivate, out var trusted) && trusted;
        var usable = mayReachPrivate ? addresses : addresses.Where(address => !PrivateAddress.IsPrivate(address)).ToArray();
        if (usable.Length == 0)
        {
            // SocketsHttpHandler wraps this in an HttpRequestException; the guard handler unwraps it into the poll's error.
            throw new PrivateNetworkRefusedException(addresses.Length > 0 ? addresses[0].ToString() : context.DnsEndPoint.Host);
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(usable, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var name = host.Trim('[', ']');
        return IPAddress.TryParse(name, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(name, cancellationToken);
    }
}
