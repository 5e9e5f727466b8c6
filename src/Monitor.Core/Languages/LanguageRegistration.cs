using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitor.Core.Configuration;

namespace Monitor.Core.Languages;

/// <summary>Registers language detection (<c>Monitor:Languages</c>).</summary>
public static class LanguageRegistration
{
    public static IServiceCollection AddMonitorLanguages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<LanguageOptions>(configuration, LanguageOptions.SectionPath);
        services.TryAddSingleton<PostLanguageDetector>();
        return services;
    }
}
