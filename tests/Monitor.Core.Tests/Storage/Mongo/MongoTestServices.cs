using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Monitor.Core.Diagnostics;
using Monitor.Core.Storage;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>
/// Builds only the storage part of the service graph with <c>Monitor:Storage:Provider=Mongo</c>, as a worker process
/// would: each provider owns its own MongoClient.
/// </summary>
internal static class MongoTestServices
{
    public static ServiceProvider Build(string connectionString, string database, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Monitor:Storage:Provider"] = "Mongo",
            ["Monitor:Storage:Mongo:ConnectionString"] = connectionString,
            ["Monitor:Storage:Mongo:Database"] = database,
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
        services.AddSingleton(new SecretRedactor(configuration));
        services.AddMonitorStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
