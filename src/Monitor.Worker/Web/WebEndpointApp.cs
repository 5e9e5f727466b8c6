using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Diagnostics;
using Monitor.Core.Polling;
using Monitor.Core.Storage;
using Monitor.Worker.Web.Api;
using Monitor.Worker.Web.Health;
using Monitor.Worker.Web.Study;
using OpenTelemetry.Metrics;
using Quartz;

namespace Monitor.Worker.Web;

/// <summary>
/// Builds the ASP.NET Core app of the status endpoint. It runs inside the service's host but keeps its own small
/// container: the service's singletons it reads (store ports, reports, cycle state, scheduler, meter provider,
/// logging) are handed over as instances, so both sides share one store, one clock and one log pipeline.
/// </summary>
internal static class WebEndpointApp
{
    public static WebApplication Build(IServiceProvider service, IConfiguration configuration, IHostEnvironment environment)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = environment.ApplicationName,
            EnvironmentName = environment.EnvironmentName,
            ContentRootPath = AppContext.BaseDirectory,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.WebHost.UseKestrel((context, kestrel) => kestrel.Configure(context.Configuration.GetSection("Kestrel"), reloadOnChange: false));
        var urls = WebAddresses.Configured(configuration, out var fromKestrelEndpoints);
        if (!fromKestrelEndpoints)
        {
            builder.WebHost.UseUrls([.. urls]);
        }

        Share(builder.Services, service);
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.Services.AddRouting();
        builder.Services.AddSingleton<ApiKeyCredentials>();
        builder.Services.AddSingleton<PollCycleHealthCheck>();
        builder.Services.AddHealthChecks()
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag])
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag])
            .AddCheck<PollCycleHealthCheck>("pollCycle", tags: [ReadyTag]);

        var app = builder.Build();
        app.Services.GetRequiredService<PollCycleHealthCheck>();
        Configure(app, service.GetService<MeterProvider>());
        return app;
    }

    private const string ReadyTag = "ready";

    private static void Configure(WebApplication app, MeterProvider? meters)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        app.UseMiddleware<ApiKeyMiddleware>();
        var files = new PhysicalFileProvider(app.Environment.WebRootPath);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            // The page is behind the key: a browser must ask again (and be sent to /signin) rather than show a cached copy.
            OnPrepareResponse = file =>
            {
                if (file.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                {
                    file.Context.Response.Headers.CacheControl = "no-cache";
                }
            },
        });
        if (meters is not null)
        {
            app.UseOpenTelemetryPrometheusScrapingEndpoint(meters, predicate: null, path: "/metrics", configureBranchedPipeline: null, optionsName: null);
        }

        app.UseRouting();
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapSignIn();
        app.MapMonitorApi();
        app.MapStudy();
    }

    private static void Share(IServiceCollection web, IServiceProvider service)
    {
        // Instances (not factories), so the web container never disposes what the service owns.
        web.AddSingleton(service.GetRequiredService<ILoggerFactory>());
        web.AddSingleton(service.GetRequiredService<TimeProvider>());
        web.AddSingleton(service.GetRequiredService<IStorageLifecycle>());
        web.AddSingleton(service.GetRequiredService<IAccountStore>());
        web.AddSingleton(service.GetRequiredService<IRecordReader>());
        web.AddSingleton(service.GetRequiredService<IRecentRecordReader>());
        web.AddSingleton(service.GetRequiredService<Monitor.Core.Search.IPostSearch>());
        web.AddSingleton(service.GetRequiredService<IActivityQueries>());
        web.AddSingleton(service.GetRequiredService<ActivityReportService>());
        web.AddSingleton(service.GetRequiredService<Monitor.Core.Activity.Study.StudyService>());
        web.AddSingleton(service.GetRequiredService<PollCycleState>());
        web.AddSingleton(service.GetRequiredService<SecretRedactor>());
        web.AddSingleton(service.GetRequiredService<ISchedulerFactory>());
        web.AddSingleton(service.GetRequiredService<Microsoft.Extensions.Options.IOptions<WebOptions>>());
        web.AddSingleton(service.GetRequiredService<Microsoft.Extensions.Options.IOptions<PollingOptions>>());
    }

    /// <summary>The service's host owns signals and shutdown; the embedded app only starts and stops with it.</summary>
    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
