using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Monitor.Core.Configuration;

/// <summary>Binds an options class to its section, validates it with key-named messages, and checks it at start-up.</summary>
public static class OptionsRegistration
{
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(
        this IServiceCollection services, IConfiguration configuration, string sectionPath)
        where TOptions : class
    {
        services.AddSingleton<IValidateOptions<TOptions>>(new KeyedOptionsValidator<TOptions>(sectionPath));
        services.AddKnownSettings(sectionPath, typeof(TOptions));
        return services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(sectionPath), binder => binder.ErrorOnUnknownConfiguration = false)
            .ValidateOnStart();
    }

    /// <summary>
    /// Declares a section (or, without a type, a single key) as known to the unknown-key check without binding it:
    /// for sections read directly, or bound only in some modes (the web endpoint's in the service).
    /// </summary>
    public static IServiceCollection AddKnownSettings(this IServiceCollection services, string path, Type? optionsType = null) =>
        services.AddSingleton(new SettingsSection(path, optionsType));
}
