using System.Text.RegularExpressions;

namespace Monitor.Core.Adapters.YouTube;

/// <summary>YouTube handles: a channel id (<c>UC</c> + 22 characters) or an <c>@handle</c> (3–30 characters).</summary>
internal static partial class YouTubeHandle
{
    public static string? Validate(string handle) =>
        IsChannelId(handle) || HandlePattern().IsMatch(handle.Trim())
            ? null
            : "A YouTube handle is a channel id (UC followed by 22 letters, digits, - or _) or an @handle (3 to 30 characters).";

    public static bool IsChannelId(string handle) => ChannelIdPattern().IsMatch(handle.Trim());

    [GeneratedRegex("^UC[A-Za-z0-9_-]{22}$")]
    private static partial Regex ChannelIdPattern();

    // https://support.google.com/youtube/answer/11585688: letters (any script), digits, underscores, hyphens, periods.
    [GeneratedRegex(@"^@[\p{L}\p{M}\p{Nd}_.-]{3,30}$")]
    private static partial Regex HandlePattern();
}
