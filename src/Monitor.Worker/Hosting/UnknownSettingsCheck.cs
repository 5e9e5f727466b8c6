using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Configuration;
using Monitor.Core.Diagnostics;

namespace Monitor.Worker.Hosting;

/// <summary>
/// Warns at start-up about each <c>Monitor:</c> key no setting reads, with the nearest known key, so a typo does not
/// leave a default in force unnoticed. <c>accounts validate</c> reports the same keys as errors.
/// </summary>
internal sealed class UnknownSettingsCheck(IConfiguration configuration, IEnumerable<SettingsSection> sections, ILogger<UnknownSettingsCheck> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var unknown in UnknownSettings.Find(configuration, sections))
        {
            Log.UnknownSetting(logger, unknown.ToString());
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
