namespace Monitor.Worker.Cli;

/// <summary>
/// Settings given on the command line after the command's own options, in the .NET configuration syntax:
/// <c>--Monitor:Storage:Provider=Mongo</c> or <c>--Monitor:Storage:Provider Mongo</c>.
/// </summary>
internal static class ConfigurationOverrides
{
    /// <summary>Splits the tokens the parser did not recognise into configuration arguments, or explains the first bad one.</summary>
    public static bool TryCollect(IReadOnlyList<string> unmatched, out string[] configurationArgs, out string? error)
    {
        var args = new List<string>();
        for (var i = 0; i < unmatched.Count; i++)
        {
            var token = unmatched[i];
            var key = token.StartsWith("--", StringComparison.Ordinal) ? token[2..] : null;
            var name = key?.Split('=', 2)[0];
            if (name is null || !name.Contains(':', StringComparison.Ordinal))
            {
                configurationArgs = [];
                error = $"Unrecognized argument '{token}'. Settings can be overridden as --Section:Key=value, e.g. --Monitor:Storage:Sqlite:Path=data/monitor.db.";
                return false;
            }

            args.Add(token);
            if (!key!.Contains('=', StringComparison.Ordinal))
            {
                if (i + 1 >= unmatched.Count)
                {
                    configurationArgs = [];
                    error = $"The setting '{token}' has no value.";
                    return false;
                }

                args.Add(unmatched[++i]);
            }
        }

        configurationArgs = [.. args];
        error = null;
        return true;
    }
}
