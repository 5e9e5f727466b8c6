namespace Monitor.Worker.Tests.Web;

/// <summary>One seeded service host shared by the tests of a class (they only read).</summary>
public class SeededHostFixture : IAsyncLifetime
{
    private SeededWorkerHost? host;

    internal SeededWorkerHost Host => host ?? throw new InvalidOperationException("Not started.");

    protected virtual string[] Settings => [];

    public async ValueTask InitializeAsync() => host = await SeededWorkerHost.StartAsync(Settings);

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The seeded host with <c>Monitor:Web:ApiKey</c> set to <see cref="Key"/>.</summary>
public sealed class KeyedHostFixture : SeededHostFixture
{
    public const string Key = "test-key-0123456789abcdef";

    protected override string[] Settings => [$"Monitor:Web:ApiKey={Key}"];
}
