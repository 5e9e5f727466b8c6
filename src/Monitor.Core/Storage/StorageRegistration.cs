using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Configuration;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Storage;

/// <summary>Registers the store chosen by <c>Monitor:Storage:Provider</c> behind the storage ports.</summary>
public static class StorageRegistration
{
    public static IServiceCollection AddMonitorStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<StorageOptions>(configuration, StorageOptions.SectionPath);
        var provider = configuration.GetSection(StorageOptions.SectionPath).Get<StorageOptions>()?.Provider ?? StorageProvider.Sqlite;
        return provider switch
        {
            StorageProvider.Sqlite => services.AddSqliteStore(configuration),
            StorageProvider.Mongo => services.AddMongoStore(configuration),
            _ => throw new NotSupportedException($"Monitor:Storage:Provider '{provider}' is not a known provider; use Sqlite or Mongo."),
        };
    }
}
