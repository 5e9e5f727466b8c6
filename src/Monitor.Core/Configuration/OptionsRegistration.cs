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
        return services.AddOptions<TOptions>()
            .Bind(configuration.GetSection(sectionPath), binder => binder.ErrorOnUnknownConfiguration = false)
            .ValidateOnStart();
    }
}
