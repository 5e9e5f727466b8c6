using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Configuration;

namespace Monitor.Core.Storage.Sqlite;

/// <summary>Registers the embedded SQLite store behind all storage ports.</summary>
public static class SqliteStoreExtensions
{
    /// <summary>Binds <c>Monitor:Storage:Sqlite</c> and registers one <c>SqliteStore</c> as every storage port.</summary>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SqliteOptions>(configuration, SqliteOptions.SectionPath);
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<SqliteOptimizer>();
        services.AddHostedService(provider => provider.GetRequiredService<SqliteOptimizer>());
        services.AddSingleton<SqliteStore>();
        services.AddSingleton<IAccountStore>(provider => provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<IPollResultStore>(provider => provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<IRecordReader>(provider => provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<IRecentRecordReader>(provider => provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<Search.IPostSearch>(provider => provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<IStorageLifecycle>(provider => provider.GetRequiredService<SqliteStore>());
        return services;
    }
}
