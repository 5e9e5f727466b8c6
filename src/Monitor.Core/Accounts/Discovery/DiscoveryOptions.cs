using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Accounts.Discovery;

/// <summary>How <c>accounts discover</c> reads a home page (<c>Monitor:Discovery</c>).</summary>
public sealed class DiscoveryOptions
{
    public const string SectionPath = "Monitor:Discovery";

    /// <summary>Largest home page read. Default 5 MiB; 64 KiB to 100 MiB.</summary>
    [Range(65_536, 104_857_600)]
    public int MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Time one attempt may take. Default 30 s; 1 s to 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
