using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core;
using Monitor.Core.Accounts;
using Monitor.Core.Configuration;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Sqlite;
using Monitor.Worker.Jobs;
using Monitor.Worker.Web;
using Monitor.Worker.Web.Metrics;

namespace Monitor.Worker.Hosting;

/// <summary>Builds Monitor's host: configuration sources, logging, core services, and for the service the scheduler.</summary>
internal static class MonitorHostBuilder
{
    /// <summary>
    /// Configuration, lowest to highest precedence: appsettings.json, appsettings.{Environment}.json (both beside the
    /// executable), environment variables (<c>Monitor__Storage__Provider=Mongo</c>), command-line overrides
    /// (<c>--Monitor:Storage:Provider=Mongo</c>).
    /// </summary>
    public static HostApplicationBuilder Create(string[] configurationArgs, HostMode mode, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Services.AddWindowsService(options => options.ServiceName = "Monitor");
        builder.Services.AddSystemd();
        builder.Services.Configure<HostOptions>(options =>
        {
            options.ShutdownTimeout = builder.Configuration.GetValue("Monitor:ShutdownTimeout", TimeSpan.FromSeconds(30));
            options.ServicesStartConcurrently = false;
        });

        if (mode != HostMode.Service)
        {
            CommandLogging.Configure(builder);
        }

        // A failed start is reported once, by the command line (CommandHost), without the host's stack trace.
        builder.Logging.AddFilter(CommandLogging.HostCategory, LogLevel.Critical);

        if (mode == HostMode.ReadOnlyCommand)
        {
            builder.Services.AddSingleton(StorageAccess.ReadOnly);
        }

        builder.Services.AddMonitorCore(builder.Configuration);
        builder.Services.AddKnownSettings(WebOptions.SectionPath, typeof(WebOptions));
        builder.Services.AddKnownSettings(TelemetryOptions.SectionPath, typeof(TelemetryOptions));
        builder.Services.AddHostedService<UnknownSettingsCheck>();
        if (mode == HostMode.ReadOnlyCommand)
        {
            // Reads need neither the configured account list nor a schema change.
            builder.Services.AddHostedService<ReadOnlyStoreCheck>();
        }
        else
        {
            builder.Services.AddSingleton(provider =>
            {
                var list = provider.GetRequiredService<AccountListLoader>().Load();
                return list.IsValid ? list : throw new AccountListException(list.Errors);
            });
            builder.Services.AddSingleton<StoreInitializer>();
            builder.Services.AddHostedService(provider => new MonitorStartup(provider.GetRequiredService<StoreInitializer>(), mode));
        }

        if (ServiceDataDirectory.Find() is { } dataDirectory)
        {
            UseDataDirectory(builder.Services, dataDirectory);
        }

        if (mode == HostMode.Service)
        {
            builder.Services.AddHostedService<QuartzLogBinding>();
            builder.Services.AddPollScheduling(builder.Configuration);
            builder.Services.AddMonitorWeb(builder.Configuration);

            // ASP.NET Core logs each request's full URL at Information; keep request lines out of the service log.
            builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        }

        configure?.Invoke(builder);
        return builder;
    }

    /// <summary>Relative data paths (the SQLite file, the capture archive) resolve against the service's data directory.</summary>
    internal static void UseDataDirectory(IServiceCollection services, string dataDirectory)
    {
        services.PostConfigure<SqliteOptions>(options => options.Path = ServiceDataDirectory.Resolve(options.Path, dataDirectory));
        services.PostConfigure<Monitor.Core.Archive.ArchiveOptions>(options => options.Path = ServiceDataDirectory.Resolve(options.Path, dataDirectory));
    }
}
