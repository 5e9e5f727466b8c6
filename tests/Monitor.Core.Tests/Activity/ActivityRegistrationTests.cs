using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Activity;
using Monitor.Core.Activity.Reports;
using Monitor.Core.Storage.Mongo;
using Monitor.Core.Storage.Sqlite;
using Monitor.Testing;

namespace Monitor.Core.Tests.Activity;

public sealed class ActivityRegistrationTests
{
    [Fact]
    public void AddMonitorActivity_DormantLongerThanInactive_FailsNamingTheKey()
    {
        using var provider = Build(new() { ["Monitor:Activity:DormantAfter"] = "200.00:00:00" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ActivityOptions>>().Value);

        Assert.Contains("Monitor:Activity:DormantAfter: must not be longer than InactiveAfter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddMonitorActivity_SqliteProvider_ResolvesReportServiceOverSqliteQueries()
    {
        using var provider = Build(new() { ["Monitor:Storage:Sqlite:Path"] = "x.db", ["Monitor:Activity:DormantAfter"] = "14.00:00:00" });

        Assert.NotNull(provider.GetRequiredService<ActivityReportService>());
        Assert.IsType<SqliteActivityQueries>(provider.GetRequiredService<IActivityQueries>());
        Assert.Equal(TimeSpan.FromDays(14), provider.GetRequiredService<IOptions<ActivityOptions>>().Value.DormantAfter);
    }

    [Fact]
    public void AddMonitorCore_MongoProvider_ResolvesReportServiceOverMongoPipelines()
    {
        // The whole graph with ValidateOnBuild: every service the Mongo queries need must be registered (no server needed).
        using var provider = MonitorTestServices.Build(new Dictionary<string, string?>
        {
            ["Monitor:Storage:Provider"] = "Mongo",
            ["Monitor:Storage:Mongo:ConnectionString"] = "mongodb://127.0.0.1:1",
        });

        Assert.NotNull(provider.GetRequiredService<ActivityReportService>());
        Assert.IsType<MongoActivityQueries>(provider.GetRequiredService<IActivityQueries>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMonitorActivity(configuration);
        return services.BuildServiceProvider();
    }
}
