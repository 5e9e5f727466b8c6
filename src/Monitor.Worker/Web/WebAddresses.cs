using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace Monitor.Worker.Web;

/// <summary>Which addresses the endpoint will bind, read from configuration before it binds, and whether they stay on this machine.</summary>
internal static class WebAddresses
{
    /// <summary>
    /// <c>Kestrel:Endpoints:*:Url</c> when any is configured (Kestrel then ignores <c>Urls</c>), else <c>Urls</c>
    /// (semicolon-separated), else <see cref="WebOptions.DefaultUrl"/>.
    /// </summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration, out bool fromKestrelEndpoints)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(e => e["Url"]).OfType<string>().Where(u => u.Length > 0).ToArray();
        fromKestrelEndpoints = endpoints.Length > 0;
        if (fromKestrelEndpoints)
        {
            return endpoints;
        }

        var urls = configuration["Urls"];
        return string.IsNullOrWhiteSpace(urls)
            ? [WebOptions.DefaultUrl]
            : urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>
    /// Where a probe on this machine reaches the endpoint: the first configured http address, with a wildcard host
    /// replaced by 127.0.0.1. Null when there is none a probe can use (https only, port 0, a Unix socket).
    /// </summary>
    public static Uri? ProbeUrl(IConfiguration configuration, string path)
    {
        foreach (var url in Configured(configuration, out _))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                continue;
            }

            if (address.IsUnixPipe || address.Port == 0 || !string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var host = address.Host is "*" or "+" or "0.0.0.0" or "[::]" ? "127.0.0.1" : address.Host;
            return new Uri($"http://{host}:{address.Port}{path}");
        }

        return null;
    }

    /// <summary>True for <c>localhost</c>, 127.0.0.0/8, ::1 and Unix sockets; false for wildcards (<c>*</c>, <c>+</c>, 0.0.0.0, [::]) and host names.</summary>
    public static bool IsLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        if (address.IsUnixPipe || string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }
}
