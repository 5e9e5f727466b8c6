using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Monitor.Core.Storage;
using Monitor.Core.Storage.Mongo;

namespace Monitor.Core.Tests.Storage.Mongo;

/// <summary>
/// Registration, options and the unavailable-server path. The server is a closed port on 127.0.0.1, so every
/// operation fails after the configured server-selection timeout; nothing else is contacted.
/// </summary>
public sealed class MongoStoreExtensionsTests
{
    private const string Password = "s3cret-Pa55";

    [Fact]
    public void AddMonitorStorage_WithProviderMongo_ExposesTheMongoStoreAsEveryPort()
    {
        using var services = Build(ClosedPortConnectionString());

        Assert.IsType<MongoAccountStore>(services.GetRequiredService<IAccountStore>());
        Assert.IsType<MongoPollResultStore>(services.GetRequiredService<IPollResultStore>());
        Assert.IsType<MongoRecordReader>(services.GetRequiredService<IRecordReader>());
        Assert.IsType<MongoStoreLifecycle>(services.GetRequiredService<IStorageLifecycle>());
        Assert.Same(services.GetRequiredService<MongoDB.Driver.IMongoClient>(), services.GetRequiredService<MongoDB.Driver.IMongoClient>());
    }

    [Fact]
    public void Options_Defaults()
    {
        var options = new MongoOptions();

        Assert.Equal(("mongodb://localhost:27017", "monitor", TimeSpan.FromSeconds(5)), (options.ConnectionString, options.Database, options.ServerSelectionTimeout));
    }

    public static TheoryData<string, string, string> InvalidSettings => new()
    {
        { "Monitor:Storage:Mongo:ConnectionString", $"http://admin:{Password}@127.0.0.1:27017", "Monitor:Storage:Mongo:ConnectionString: not a valid MongoDB connection string" },
        { "Monitor:Storage:Mongo:Database", "my.db", "Monitor:Storage:Mongo:Database: must be 1 to 63 characters" },
        { "Monitor:Storage:Mongo:ServerSelectionTimeout", "00:00:00.010", "Monitor:Storage:Mongo:ServerSelectionTimeout:" },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void Options_Invalid_FailNamingTheKeyWithoutTheSecret(string key, string value, string expected)
    {
        using var services = Build(ClosedPortConnectionString(), (key, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<MongoOptions>>().Value);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateClientSettings_BoundsServerSelectionAndConnect()
    {
        var settings = MongoStoreExtensions.CreateClientSettings(new MongoOptions
        {
            ConnectionString = "mongodb://127.0.0.1:27017/?appName=ops",
            ServerSelectionTimeout = TimeSpan.FromSeconds(2),
        });

        Assert.Equal((TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), "ops"), (settings.ServerSelectionTimeout, settings.ConnectTimeout, settings.ApplicationName));
    }

    [Fact]
    public void DescribeHosts_ListsHostsWithoutCredentials()
    {
        Assert.Equal("db1:27017,db2:27018", MongoCollections.DescribeHosts($"mongodb://admin:{Password}@db1,db2:27018/monitor?replicaSet=rs0"));
    }

    [Fact]
    public async Task CheckHealthAsync_ServerDown_ReturnsTheReasonAndLogsItWithoutThePassword()
    {
        var connectionString = ClosedPortConnectionString();
        using var services = Build(connectionString);
        var host = MongoCollections.DescribeHosts(connectionString);

        var reason = await services.GetRequiredService<IStorageLifecycle>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.Equal($"MongoDB on {host} (database monitor-test) is unavailable: no server answered within 0.2 s", reason);
        var log = Assert.Single(services.GetFakeLogCollector().GetSnapshot(), record => record.Id.Id == 3002);
        Assert.Equal($"MongoDB on {host} (database monitor-test) is unavailable: no server answered within 0.2 s", log.Message);
        Assert.DoesNotContain(services.GetFakeLogCollector().GetSnapshot(), record => (record.Message + record.Exception).Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task InitializeAsync_ServerDown_FailsFastWithAClearLog()
    {
        using var services = Build(ClosedPortConnectionString());

        await Assert.ThrowsAsync<TimeoutException>(() =>
            services.GetRequiredService<IStorageLifecycle>().InitializeAsync(TestContext.Current.CancellationToken));

        Assert.Contains(services.GetFakeLogCollector().GetSnapshot(), record => record.Id.Id == 3002);
    }

    [Fact]
    public async Task OpenReadOnlyAsync_ServerDown_NamesTheServerAndCreatesNothing()
    {
        var connectionString = ClosedPortConnectionString();
        using var services = Build(connectionString);

        var error = await Assert.ThrowsAsync<StoreNotReadyException>(() =>
            services.GetRequiredService<IStorageLifecycle>().OpenReadOnlyAsync(TestContext.Current.CancellationToken));

        Assert.Equal($"MongoDB on {MongoCollections.DescribeHosts(connectionString)} (database monitor-test) is unavailable: no server answered within 0.2 s", error.Message);
        Assert.DoesNotContain(Password, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClaimDueAsync_ServerDown_Throws()
    {
        using var services = Build(ClosedPortConnectionString());
        var request = new ClaimRequest("w", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5), 5);

        await Assert.ThrowsAsync<TimeoutException>(() =>
            services.GetRequiredService<IAccountStore>().ClaimDueAsync(request, TestContext.Current.CancellationToken));
    }

    private static ServiceProvider Build(string connectionString, params (string Key, string Value)[] overrides) =>
        MongoTestServices.Build(connectionString, "monitor-test", [("Monitor:Storage:Mongo:ServerSelectionTimeout", "00:00:00.200"), .. overrides]);

    /// <summary>A loopback port that was just free: connections are refused, so the driver never reaches a server.</summary>
    private static string ClosedPortConnectionString()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"mongodb://admin:{Password}@127.0.0.1:{port}/?authSource=admin";
    }
}
