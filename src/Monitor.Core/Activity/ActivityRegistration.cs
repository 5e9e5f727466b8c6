using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Activity.Engagement;
using Monitor.Core.Activity.Network;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Activity.Study;
using Monitor.Core.Configuration;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Mongo;
using Monitor.Core.Storage.Sqlite;

namespace Monitor.Core.Activity;

/// <summary>Registers activity metrics and reports, with the queries of the store chosen by <c>Monitor:Storage:Provider</c>.</summary>
public static class ActivityRegistration
{
    public static IServiceCollection AddMonitorActivity(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<ActivityOptions>(configuration, ActivityOptions.SectionPath);
        services.TryAddSingleton<ActivityCalculator>();
        services.TryAddSingleton<ActivityReportService>();
        services.TryAddSingleton<StudyService>();
        services.TryAddSingleton<EngagementReportService>();
        services.TryAddSingleton<EntityReportService>();
        services.TryAddSingleton<IMentionsQueries>(provider => provider.GetRequiredService<EntityReportService>());
        var provider = configuration.GetSection(StorageOptions.SectionPath).Get<StorageOptions>()?.Provider ?? StorageProvider.Sqlite;
        if (provider == StorageProvider.Mongo)
        {
            // IMongoDatabase is registered by the Mongo store.
            services.TryAddSingleton<IActivityQueries, MongoActivityQueries>();
            services.TryAddSingleton<IStudyQueries, MongoStudyQueries>();
            services.TryAddSingleton<IEngagementQueries, MongoEngagementQueries>();
            services.TryAddSingleton<IEntityQueries, MongoEntityQueries>();
        }
        else
        {
            // The SQLite store validates these options; binding twice is harmless and keeps this usable on its own.
            services.AddOptions<SqliteOptions>().Bind(configuration.GetSection(SqliteOptions.SectionPath));
            services.TryAddSingleton<IActivityQueries, SqliteActivityQueries>();
            services.TryAddSingleton<IStudyQueries, SqliteStudyQueries>();
            services.TryAddSingleton<IEngagementQueries, SqliteEngagementQueries>();
            services.TryAddSingleton<IEntityQueries, SqliteEntityQueries>();
        }

        return services;
    }
}
