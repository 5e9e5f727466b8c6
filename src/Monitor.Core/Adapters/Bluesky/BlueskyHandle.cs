using System.Text.RegularExpressions;

namespace Monitor.Core.Adapters.Bluesky;

/// <summary>A Bluesky actor as written in account lists: <c>name.bsky.social</c>, <c>@name.bsky.social</c>, a DID or a profile URL.</summary>
internal static partial class BlueskyHandle
{
    /// <summary>The actor to send to the AppView (handle lower-cased, or the DID), or null with an error message.</summary>
    public static string? Parse(string? handle, out string? error)
    {
        error = null;
        var text = (handle ?? string.Empty).Trim();
        const string profilePrefix = "https://bsky.app/profile/";
        if (text.StartsWith(profilePrefix, StringComparison.OrdinalIgnoreCase))
        {
            text = text[profilePrefix.Length..].TrimEnd('/');
        }

        text = text.TrimStart('@');
        if (DidPattern().IsMatch(text))
        {
            return text;
        }

        if (HandlePattern().IsMatch(text))
        {
            return text.ToLowerInvariant();
        }

        error = $"'{handle}' is not a Bluesky handle (name.bsky.social), DID (did:plc:...) or profile URL.";
        return null;
    }

    // atproto specs: DID syntax (did:method:identifier) and handle syntax (a domain name whose TLD does not start with a digit).
    [GeneratedRegex("^did:[a-z]+:[A-Za-z0-9._:%-]*[A-Za-z0-9._-]$")]
    private static partial Regex DidPattern();

    [GeneratedRegex("^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex HandlePattern();
}
