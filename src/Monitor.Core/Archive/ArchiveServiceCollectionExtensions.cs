using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Configuration;

namespace Monitor.Core.Archive;

/// <summary>Registers the raw capture archive (<c>Monitor:Archive</c>); its HTTP handler is added per platform client.</summary>
public static class ArchiveServiceCollectionExtensions
{
    public static IServiceCollection AddMonitorArchive(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<ArchiveOptions>(configuration, ArchiveOptions.SectionPath);
        services.TryAddSingleton<ArchiveRedactor>();
        services.TryAddSingleton<HttpExchangeRecords>();
        services.TryAddSingleton<CaptureArchive>();
        services.TryAddSingleton<ICaptureArchive>(provider => provider.GetRequiredService<CaptureArchive>());
        return services;
    }
}
