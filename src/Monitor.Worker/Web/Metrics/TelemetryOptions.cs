using System.ComponentModel.DataAnnotations;
using Monitor.Core.Configuration;

namespace Monitor.Worker.Web.Metrics;

/// <summary>Metric export of the service (<c>Monitor:Telemetry</c>); Prometheus is served at <c>/metrics</c> when the web endpoint is on.</summary>
public sealed class TelemetryOptions : IValidatableOptions
{
    public const string SectionPath = "Monitor:Telemetry";

    /// <summary>OTLP collector address (e.g. <c>http://127.0.0.1:4317</c>); null (default) exports no OTLP.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>OTLP transport: <c>Grpc</c> (default, port 4317) or <c>HttpProtobuf</c> (port 4318, path <c>/v1/metrics</c>).</summary>
    public OtlpTransport OtlpProtocol { get; set; } = OtlpTransport.Grpc;

    /// <summary>How often the store is counted for the due/overdue account gauges. Default 1 min; 5 s to 1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan BacklogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A due account counts as overdue once its next poll time is this far past. Default 15 min; 1 min to 7 days.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan OverdueAfter { get; set; } = TimeSpan.FromMinutes(15);

    public IEnumerable<string> Validate()
    {
        if (OtlpEndpoint is { IsAbsoluteUri: false })
        {
            yield return $"{nameof(OtlpEndpoint)}: must be an absolute http(s) URL.";
        }
    }
}

/// <summary>OTLP transports.</summary>
public enum OtlpTransport
{
    Grpc,
    HttpProtobuf,
}
