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

        // Both providers' settings are known keys, whichever is in use (a file may configure both).
        services.AddKnownSettings(SqliteOptions.SectionPath, typeof(SqliteOptions));
        services.AddKnownSettings(Mongo.MongoOptions.SectionPath, typeof(Mongo.MongoOptions));
        var provider = configuration.GetSection(StorageOptions.SectionPath).Get<StorageOptions>()?.Provider ?? StorageProvider.Sqlite;
        return provider switch
        {
            StorageProvider.Sqlite => services.AddSqliteStore(configuration),
            StorageProvider.Mongo => services.AddMongoStore(configuration),
            _ => throw new NotSupportedException($"Monitor:Storage:Provider '{provider}' is not a known provider; use Sqlite or Mongo."),
        };
    }
}
