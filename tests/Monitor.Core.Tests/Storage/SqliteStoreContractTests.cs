namespace Monitor.Core.Tests.Storage;

/// <summary>The storage contract against the embedded SQLite store, one temporary file per test.</summary>
public sealed class SqliteStoreContractTests : StoreContractTests
{
    private readonly TempSqliteFile file = new();

    protected override IDictionary<string, string?> CreateStoreSettings() => file.Settings();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        file.Dispose();
    }
}
