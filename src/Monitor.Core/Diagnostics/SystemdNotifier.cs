using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Monitor.Core.Diagnostics;

/// <summary>
/// Tells systemd that start-up is still making progress (<c>EXTEND_TIMEOUT_USEC</c>, sd_notify(3)) so that a long
/// migration is not killed by <c>TimeoutStartSec</c> and restarted in a loop. A no-op outside systemd (no
/// <c>NOTIFY_SOCKET</c>).
/// </summary>
internal static class SystemdNotifier
{
    public static void ExtendStartTimeout(TimeSpan extension)
    {
        var path = Environment.GetEnvironmentVariable("NOTIFY_SOCKET");
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        try
        {
            // A leading '@' names an abstract socket (sd_notify(3)).
            var endpoint = new UnixDomainSocketEndPoint(path[0] == '@' ? "\0" + path[1..] : path);
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            var message = string.Create(CultureInfo.InvariantCulture, $"EXTEND_TIMEOUT_USEC={(long)extension.TotalMicroseconds}");
            socket.SendTo(Encoding.ASCII.GetBytes(message), endpoint);
        }
        catch (SocketException)
        {
            // Best effort: the notification only lengthens a timeout.
        }
    }
}
