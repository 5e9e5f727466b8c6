using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Monitor.Worker.Hosting;

/// <summary>
/// One-shot commands keep standard output for their results: logs go to standard error, one line each, warnings and up, unless
/// <c>--Logging:Console:LogLevel:Default=...</c> says otherwise.
/// </summary>
internal static class CommandLogging
{
    public static void Configure(HostApplicationBuilder builder)
    {
        builder.Logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        if (builder.Configuration["Logging:Console:LogLevel:Default"] is not null)
        {
            return;
        }

        // A console rule outranks every general rule, whatever its category (Microsoft.Extensions.Logging's rule
        // selection prefers the provider's rules). A bare Warning floor would therefore re-open categories that
        // appsettings.json quiets, such as Polly's per-attempt stack traces: each category rule is copied to the
        // console with the same floor.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        foreach (var rule in builder.Configuration.GetSection("Logging:LogLevel").GetChildren())
        {
            if (rule.Key != "Default" && Enum.TryParse<LogLevel>(rule.Value, ignoreCase: true, out var level))
            {
                builder.Logging.AddFilter<ConsoleLoggerProvider>(rule.Key, level > LogLevel.Warning ? level : LogLevel.Warning);
            }
        }

        builder.Logging.AddFilter<ConsoleLoggerProvider>(HostCategory, LogLevel.Critical);
    }

    /// <summary>Logs a failed start with its stack trace; the command line reports it once instead.</summary>
    public const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";
}
