using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Diagnostics;

namespace Monitor.Worker.Web;

/// <summary>
/// Starts the status endpoint after the store and the scheduler, and stops it first on shutdown. Refuses to start
/// when it would listen beyond loopback without <see cref="WebOptions.ApiKey"/>, unless explicitly allowed.
/// </summary>
internal sealed class WebEndpointService(
    IServiceProvider services,
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<WebOptions> options,
    ILogger<WebEndpointService> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    /// <summary>The addresses actually bound (with the real port when configured as 0).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var web = options.Value;
        var remote = WebAddresses.Configured(configuration, out _).Where(url => !WebAddresses.IsLoopback(url)).ToArray();
        if (remote.Length > 0 && web.ApiKey is null && !web.AllowAnonymousRemote)
        {
            throw new OptionsValidationException(WebOptions.SectionPath, typeof(WebOptions),
            [
                $"{WebOptions.SectionPath}:ApiKey: required when the endpoint listens beyond loopback ({string.Join(", ", remote)}); "
                + $"set it, bind to 127.0.0.1, or set {WebOptions.SectionPath}:AllowAnonymousRemote=true.",
            ]);
        }

        app = WebEndpointApp.Build(services, configuration, environment);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            // Kestrel's "address already in use" and the like: fixed by configuration, so reported as such, without a stack trace.
            throw new OptionsValidationException(WebOptions.SectionPath, typeof(WebOptions),
                [$"{WebOptions.SectionPath}: {ex.Message} Choose another address with Urls (environment variable) or Kestrel:Endpoints, or set {WebOptions.SectionPath}:Enabled=false."]);
        }

        Addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        if (remote.Length > 0 && web.ApiKey is null)
        {
            Log.WebAnonymousRemote(logger, string.Join(", ", Addresses));
        }

        Log.WebListening(logger, string.Join(", ", Addresses), web.ApiKey is null ? "off" : "required");
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
            app = null;
        }
    }
}
