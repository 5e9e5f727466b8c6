using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Configuration;
using Monitor.Core.Diagnostics;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Monitor.Worker.Web.Metrics;

/// <summary>OpenTelemetry metrics of the service: the <c>Monitor</c> meter, for Prometheus (<c>/metrics</c>) and, when configured, OTLP.</summary>
internal static class TelemetryExtensions
{
    public static IServiceCollection AddMonitorTelemetry(this IServiceCollection services, IConfiguration configuration, bool prometheus)
    {
        services.AddValidatedOptions<TelemetryOptions>(configuration, TelemetryOptions.SectionPath);
        var telemetry = configuration.GetSection(TelemetryOptions.SectionPath).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (!prometheus && telemetry.OtlpEndpoint is null)
        {
            return services;
        }

        services.AddHostedService<AccountBacklogSampler>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("monitor"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MonitorMetrics.MeterName);
                if (prometheus)
                {
                    metrics.AddPrometheusExporter();
                }

                if (telemetry.OtlpEndpoint is { IsAbsoluteUri: true } endpoint)
                {
                    metrics.AddOtlpExporter(otlp =>
                    {
                        otlp.Endpoint = endpoint;
                        otlp.Protocol = telemetry.OtlpProtocol == OtlpTransport.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                    });
                }
            });
        return services;
    }
}
