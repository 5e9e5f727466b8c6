using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Http;

/// <summary>HTTP settings shared by every platform (<c>Monitor:Http</c>).</summary>
public sealed class MonitorHttpOptions
{
    public const string SectionPath = "Monitor:Http";

    /// <summary>Product token of the User-Agent. Default <c>DiplomacyMonitor/1.0</c>.</summary>
    [Required]
    public string UserAgent { get; set; } = "DiplomacyMonitor/1.0";

    /// <summary>Where site owners can learn about the crawler or reach its operator; appended to the User-Agent as <c>(+URL)</c>.</summary>
    [Url]
    public string? ContactUrl { get; set; }

    /// <summary>
    /// Lets redirects and URLs found in remote content reach loopback, private, link-local and unspecified addresses.
    /// Default false: only the account's own URL, its origin and the platform's BaseUrl may be private.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The full User-Agent sent: <c>DiplomacyMonitor/1.0 (+https://...)</c>.</summary>
    public string BuildUserAgent(string? platformOverride = null)
    {
        var product = string.IsNullOrWhiteSpace(platformOverride) ? UserAgent : platformOverride;
        return string.IsNullOrWhiteSpace(ContactUrl) ? product : $"{product} (+{ContactUrl})";
    }
}
