namespace Monitor.Core.Languages;

/// <summary>
/// Reduces a stored language to its BCP 47 primary language subtag (RFC 5646 §2.2.1) for reports: <c>en-US</c>,
/// <c>EN</c> and <c>en_gb</c> all report as <c>en</c>. The stored value is never changed.
/// </summary>
public static class LanguageTags
{
    /// <summary>
    /// The lower-case primary subtag (2 or 3 ASCII letters), or null when the value carries none: empty, <c>und</c>
    /// (undetermined), <c>mul</c>/<c>zxx</c> (several, none), private use (<c>x-…</c>), grandfathered (<c>i-…</c>) or not
    /// a language tag at all (<c>English</c>, <c>12</c>).
    /// </summary>
    public static string? Primary(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
        {
            return null;
        }

        var trimmed = tag.AsSpan().Trim();
        var end = trimmed.IndexOfAny('-', '_');
        var primary = end < 0 ? trimmed : trimmed[..end];
        if (primary.Length is < 2 or > 3 || !primary.ContainsOnlyAsciiLetters())
        {
            return null;
        }

        var code = primary.ToString().ToLowerInvariant();
        return code is "und" or "mul" or "zxx" ? null : code;
    }

    private static bool ContainsOnlyAsciiLetters(this ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
