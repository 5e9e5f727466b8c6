using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core.Configuration;
using Monitor.Core.Storage.Mongo;
using MongoDB.Driver;

// In the ports' namespace so the provider switch in StorageRegistration needs no extra using.
namespace Monitor.Core.Storage;

/// <summary>Registers the MongoDB store (<c>Monitor:Storage:Provider=Mongo</c>) behind the four storage ports.</summary>
public static class MongoStoreExtensions
{
    public static IServiceCollection AddMongoStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<MongoOptions>(configuration, MongoOptions.SectionPath);

        // One client per process: it owns the connection pool and server monitoring (the driver's documented use).
        services.TryAddSingleton<IMongoClient>(provider =>
            new MongoClient(CreateClientSettings(provider.GetRequiredService<IOptions<MongoOptions>>().Value)));
        services.TryAddSingleton<MongoCollections>();
        services.TryAddSingleton(provider => MongoClock.For(provider.GetService<TimeProvider>() ?? TimeProvider.System));
        services.TryAddSingleton<IMongoDatabase>(provider => provider.GetRequiredService<MongoCollections>().Database);
        services.TryAddSingleton<MongoAccountStore>();
        services.TryAddSingleton<MongoPollResultStore>();
        services.TryAddSingleton<MongoRecordReader>();
        services.TryAddSingleton<MongoRecentRecordReader>();
        services.TryAddSingleton<MongoStoreLifecycle>();
        services.TryAddSingleton<Search.IPostSearch, MongoPostSearch>();
        services.AddSingleton<IAccountStore>(provider => provider.GetRequiredService<MongoAccountStore>());
        services.AddSingleton<IPollResultStore>(provider => provider.GetRequiredService<MongoPollResultStore>());
        services.AddSingleton<IRecordReader>(provider => provider.GetRequiredService<MongoRecordReader>());
        services.AddSingleton<IRecentRecordReader>(provider => provider.GetRequiredService<MongoRecentRecordReader>());
        services.AddSingleton<IStorageLifecycle>(provider => provider.GetRequiredService<MongoStoreLifecycle>());
        return services;
    }

    /// <summary>
    /// Client settings from the connection string, failing fast when no server answers: server selection and the
    /// connect timeout are both bounded by <see cref="MongoOptions.ServerSelectionTimeout"/>.
    /// </summary>
    internal static MongoClientSettings CreateClientSettings(MongoOptions options)
    {
        var settings = MongoClientSettings.FromConnectionString(options.ConnectionString);
        settings.ServerSelectionTimeout = options.ServerSelectionTimeout;
        settings.ConnectTimeout = options.ServerSelectionTimeout;
        settings.ApplicationName ??= "monitor";
        return settings;
    }
}
