namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// Reads the dates feeds actually contain: ISO 8601 / RFC 3339 / W3CDTF (Atom, JSON Feed, <c>dc:date</c>) and
/// RFC 822 as RSS 2.0 prescribes it plus its real-world variants. A date that cannot be read exactly — reduced
/// precision (<c>2003-12</c>), an unknown zone name — is null (unknown), never a guess. Never throws.
/// </summary>
internal static class FeedDateParser
{
    /// <summary>Parses <paramref name="text"/>, or returns null when it is missing, not a date, or not exact.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = StripComments(text).Trim();
        return LooksIso8601(value) ? Iso8601DateParser.Parse(value) : Rfc822DateParser.Parse(value);
    }

    // ISO dates start with a four-digit year followed by '-', 'W' or more digits (compact forms); RFC 822 dates start
    // with a weekday, a day of one or two digits, or a month name.
    private static bool LooksIso8601(string value) =>
        value.Length >= 4 && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[1]) && char.IsAsciiDigit(value[2])
        && char.IsAsciiDigit(value[3]) && (value.Length == 4 || value[4] is '-' or 'W' || char.IsAsciiDigit(value[4]));

    // RFC 822 comments: "Wed, 02 Oct 2002 13:00:00 +0000 (UTC)".
    private static string StripComments(string value)
    {
        var open = value.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? value : value[..open];
    }
}
