using System.Globalization;

namespace Monitor.Worker.Cli;

/// <summary>Counted nouns in command output: "1 valid account", "3 valid accounts".</summary>
internal static class Plural
{
    public static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");
}
