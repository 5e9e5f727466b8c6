using System.ComponentModel.DataAnnotations;
using Monitor.Core.Configuration;

namespace Monitor.Worker.Web;

/// <summary>
/// The status endpoint of the service (<c>Monitor:Web</c>): health, metrics, a read-only JSON API and the dashboard.
/// Addresses come from the usual <c>Urls</c> or <c>Kestrel:Endpoints</c> settings; default <see cref="DefaultUrl"/>.
/// </summary>
public sealed class WebOptions : IValidatableOptions
{
    public const string SectionPath = "Monitor:Web";

    /// <summary>Where the endpoint listens when neither <c>Urls</c> nor <c>Kestrel:Endpoints</c> is set: loopback only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>Host the endpoint in the service (<c>run</c>). Default true. One-shot commands never host it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// When set, required for the dashboard, <c>/api</c> and <c>/metrics</c>: header <c>X-Api-Key</c>,
    /// <c>Authorization: Bearer</c>, or the cookie of the <c>/signin</c> form (never a query parameter);
    /// <c>/healthz</c> and <c>/readyz</c> stay open. Default none; at least 16 characters.
    /// </summary>
    [MinLength(16)]
    public string? ApiKey { get; set; }

    /// <summary>Allow listening beyond loopback without <see cref="ApiKey"/> (e.g. behind an authenticating proxy). Default false.</summary>
    public bool AllowAnonymousRemote { get; set; }

    /// <summary>
    /// <c>/readyz</c> fails when no poll cycle started or finished for this long. Default 15 min; 1 min to 7 days.
    /// Raise it above the gap between two cycles when <c>Monitor:Polling:Cron</c> fires rarely.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan MaxCycleAge { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<string> Validate()
    {
        if (ApiKey is not null && string.IsNullOrWhiteSpace(ApiKey))
        {
            yield return $"{nameof(ApiKey)}: must not be blank; remove the setting to run without a key.";
        }
    }
}
