using Microsoft.Extensions.Configuration;
using Monitor.Core.Accounts;
using Monitor.Core.Adapters;
using Monitor.Core.Adapters.Telegram;

// The DI namespace by .NET convention, so AddMonitorAdapters needs only its registration line.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Telegram public channel adapter.</summary>
public static class TelegramServiceCollectionExtensions
{
    /// <summary>Adds the <c>telegram</c> adapter, bound to <c>Monitor:Platforms:Telegram</c>.</summary>
    public static IServiceCollection AddTelegramAdapter(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPlatformAdapter<TelegramAdapter, TelegramOptions>(configuration, Platforms.Telegram, "Telegram");
}
