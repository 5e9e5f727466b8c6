using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core;

namespace Monitor.Testing;

/// <summary>
/// Builds Monitor's real service graph (options, HttpClient factory, Polly pipeline, adapters, store) from in-memory
/// settings, with a <see cref="FakeLogCollector"/> for log assertions and optionally a <see cref="FakeTimeProvider"/>.
/// </summary>
public static class MonitorTestServices
{
    public static ServiceProvider Build(
        IDictionary<string, string?> settings,
        TimeProvider? time = null,
        Action<IServiceCollection>? configure = null,
        string? contentRoot = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new TestHostEnvironment(contentRoot ?? AppContext.BaseDirectory));
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging());
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddMonitorCore(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class TestHostEnvironment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "Monitor.Tests";
        public string ContentRootPath { get; set; } = contentRoot;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
