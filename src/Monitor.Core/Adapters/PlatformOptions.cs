using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Monitor.Core.Polling.Budgets;

namespace Monitor.Core.Adapters;

/// <summary>Settings every platform section (<c>Monitor:Platforms:&lt;Platform&gt;</c>) has.</summary>
public class PlatformOptions
{
    /// <summary>Base URL of the platform's API; null uses the public endpoint. Tests and proxies point it elsewhere.</summary>
    [Url]
    public string? BaseUrl { get; set; }

    /// <summary>Every configured API base URL of the platform: their origins may be private (loopback tests, a local proxy).</summary>
    public virtual IEnumerable<string?> ApiBaseUrls() => [BaseUrl];

    /// <summary>Timeout of one HTTP attempt. Default 30 s; 1 s to 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest response body accepted. Default 10 MiB; 1 KiB to 1 GiB.</summary>
    [Range(1024L, 1024L * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = 10L * 1024 * 1024;

    /// <summary>User-Agent for this platform; null uses <c>Monitor:Http:UserAgent</c>.</summary>
    public string? UserAgent { get; set; }

    /// <summary>Accounts of this platform polled at once, on top of the global and per-host limits. Default 4; 1 to 64.</summary>
    [Range(1, 64)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>The platform's request budget (<c>Budget:Requests</c>, <c>Budget:Window</c>, ...); off (0 requests) unless the platform sets a default.</summary>
    [ValidateObjectMembers]
    public RequestBudgetOptions Budget { get; set; } = new();

    /// <summary>What one request to <paramref name="uri"/> costs of <see cref="Budget"/>. Default 1.</summary>
    public virtual int RequestCost(Uri uri) => 1;

    /// <summary>What <see cref="Budget"/> counts, for its messages: <c>requests</c> unless the platform meters otherwise.</summary>
    public virtual string BudgetUnit() => "requests";
}
