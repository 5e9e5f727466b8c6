using System.CommandLine;

namespace Monitor.Worker.Cli;

/// <summary>Restricts an option or argument to fixed values, with a one-line error that says which are allowed.</summary>
internal static class Choices
{
    public static Option<string> Only(this Option<string> option, params string[] values)
    {
        option.CompletionSources.Add(values);
        option.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (value is not null && !values.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{option.Name} must be {Describe(values)} (got '{value}').");
            }
        });
        return option;
    }

    public static Argument<string> Only(this Argument<string> argument, params string[] values)
    {
        argument.CompletionSources.Add(values);
        argument.Validators.Add(result =>
        {
            var value = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (value is not null && !values.Contains(value, StringComparer.Ordinal))
            {
                result.AddError($"{argument.Name} must be {Describe(values)} (got '{value}').");
            }
        });
        return argument;
    }

    private static string Describe(string[] values) =>
        values.Length == 1 ? values[0] : string.Join(", ", values[..^1]) + " or " + values[^1];
}
