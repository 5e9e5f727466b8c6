using System.Text.RegularExpressions;

namespace Monitor.Core.Adapters.X;

/// <summary>X usernames: <c>@name</c> or <c>name</c>, 1–15 letters, digits or underscores (X's own rule).</summary>
internal static partial class XHandle
{
    public static string? Validate(string handle) =>
        UsernamePattern().IsMatch(handle.Trim())
            ? null
            : "An X handle is @name or name: 1 to 15 letters, digits or underscores.";

    /// <summary>The username without the leading @.</summary>
    public static string ToUsername(string handle) => handle.Trim().TrimStart('@');

    [GeneratedRegex("^@?[A-Za-z0-9_]{1,15}$")]
    private static partial Regex UsernamePattern();
}
