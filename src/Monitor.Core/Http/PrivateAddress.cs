using System.Net;
using System.Net.Sockets;

namespace Monitor.Core.Http;

/// <summary>Which addresses a URL from remote content must not reach (server-side request forgery).</summary>
internal static class PrivateAddress
{
    /// <summary>
    /// Loopback (127.0.0.0/8, ::1), private (RFC 1918: 10/8, 172.16/12, 192.168/16; unique-local fc00::/7),
    /// link-local (169.254.0.0/16 with the cloud metadata address, fe80::/10) and unspecified (0.0.0.0/8, ::).
    /// IPv4-mapped IPv6 addresses are judged by their IPv4 address.
    /// </summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] == 0 || b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254);
        }

        return address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any) || address.IsIPv6LinkLocal || address.IsIPv6UniqueLocal
            || address.IsIPv6SiteLocal;
    }
}
