using System.Text.RegularExpressions;

namespace Monitor.Core.Adapters.X;

/// <summary>
/// X accounts as listed: a username (<c>@name</c> or <c>name</c>, 1–15 letters, digits or underscores, X's own rule) or
/// the stable user id as <c>id:2244994945</c> (an all-digit username is valid too, hence the prefix).
/// </summary>
internal static partial class XHandle
{
    private const string IdPrefix = "id:";

    public static string? Validate(string handle) =>
        UsernamePattern().IsMatch(handle.Trim()) || UserId(handle) is not null
            ? null
            : "An X handle is @name or name (1 to 15 letters, digits or underscores), or the user id as id:123456.";

    /// <summary>The user id of an <c>id:…</c> handle, or null for a username.</summary>
    public static string? UserId(string handle)
    {
        var text = handle.Trim();
        return text.StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase) && UserIdPattern().IsMatch(text[IdPrefix.Length..])
            ? text[IdPrefix.Length..]
            : null;
    }

    /// <summary>The username without the leading @ (for an <c>id:</c> handle, the handle itself).</summary>
    public static string ToUsername(string handle) => handle.Trim().TrimStart('@');

    [GeneratedRegex("^@?[A-Za-z0-9_]{1,15}$")]
    private static partial Regex UsernamePattern();

    [GeneratedRegex("^[0-9]{1,20}$")]
    private static partial Regex UserIdPattern();
}
