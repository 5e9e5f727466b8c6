namespace Monitor.Core.Tests.Storage;

/// <summary>
/// The storage contract against MongoDB, when <c>MONITOR_TEST_MONGODB</c> names a server (e.g.
/// <c>mongodb://127.0.0.1:27017/?replicaSet=rs0</c>); skipped otherwise. Each test uses a new database
/// <c>monitor_test_&lt;guid&gt;</c>; dropping it needs the driver, so cleanup belongs to the Mongo provider's tests.
/// </summary>
public sealed class MongoStoreContractTests : StoreContractTests
{
    private static readonly string? ConnectionString = Environment.GetEnvironmentVariable("MONITOR_TEST_MONGODB");

    protected override string? SkipReason => string.IsNullOrWhiteSpace(ConnectionString)
        ? "MONITOR_TEST_MONGODB is not set: no MongoDB server to run the Mongo contract suite against"
        : null;

    protected override IDictionary<string, string?> CreateStoreSettings() => new Dictionary<string, string?>
    {
        ["Monitor:Storage:Provider"] = "Mongo",
        ["Monitor:Storage:Mongo:ConnectionString"] = ConnectionString,
        ["Monitor:Storage:Mongo:Database"] = "monitor_test_" + Guid.NewGuid().ToString("N"),
    };
}
