using Microsoft.Extensions.Options;
using Monitor.Core.Polling;
using Monitor.Core.Storage;
using Monitor.Worker.Hosting;

namespace Monitor.Worker.Cli;

/// <summary>
/// Turns what stops a host from starting into the lines an operator reads: each problem once, naming its key
/// (<c>Monitor:Polling:MaxConcurrency: ...</c>), file and line, or database. The host may report several validation
/// failures of different sections as one <see cref="AggregateException"/>.
/// </summary>
internal static class StartupFailure
{
    /// <summary>The lines to print, or null when the exception is not a start-up failure.</summary>
    public static IReadOnlyList<string>? Describe(Exception exception)
    {
        var lines = new List<string>();
        return Collect(exception, lines) ? [.. lines.Distinct(StringComparer.Ordinal)] : null;
    }

    private static bool Collect(Exception exception, List<string> lines)
    {
        switch (exception)
        {
            case AggregateException aggregate:
                return aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(inner => Collect(inner, lines));
            case OptionsValidationException validation:
                lines.AddRange(validation.Failures);
                return true;
            case AccountListException accounts:
                lines.Add($"The account list is invalid ({accounts.Errors.Count} error(s)):");
                lines.AddRange(accounts.Errors);
                return true;
            case StoreUnavailableException or StoreNotReadyException:
                lines.Add(exception.Message);
                return true;
            case InvalidOperationException when exception.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase):
                // Binding errors name the key: "Failed to convert configuration value at 'Monitor:Polling:MinInterval' ..."
                lines.Add("Invalid configuration: " + exception.Message);
                return true;
            case NotSupportedException when exception.Message.StartsWith("Monitor:", StringComparison.Ordinal):
                lines.Add(exception.Message);
                return true;
            default:
                return false;
        }
    }
}
