using System.Globalization;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>Time-zone designators of RFC 822 dates and the non-standard abbreviations feeds use anyway.</summary>
internal static class Rfc822Zones
{
    private static readonly Dictionary<string, int> HoursByName = new(StringComparer.OrdinalIgnoreCase)
    {
        // RFC 822 §5.1
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0,
        ["EST"] = -5, ["EDT"] = -4, ["CST"] = -6, ["CDT"] = -5,
        ["MST"] = -7, ["MDT"] = -6, ["PST"] = -8, ["PDT"] = -7,
        // Common in the wild, unambiguous enough for a publication date.
        ["BST"] = 1, ["CET"] = 1, ["CEST"] = 2, ["MEZ"] = 1, ["MESZ"] = 2, ["EET"] = 2, ["EEST"] = 3,
        ["MSK"] = 3, ["JST"] = 9, ["KST"] = 9, ["HKT"] = 8, ["SGT"] = 8, ["AEST"] = 10, ["AEDT"] = 11,
    };

    /// <summary>
    /// Offset of a named zone. Military single letters other than Z are read as UTC: RFC 822 got their signs
    /// backwards, so RFC 2822 §4.3 says to treat them as "-0000" (offset unknown).
    /// </summary>
    public static TimeSpan? Offset(string name)
    {
        if (HoursByName.TryGetValue(name, out var hours))
        {
            return TimeSpan.FromHours(hours);
        }

        return name.Length == 1 && char.IsAsciiLetter(name[0]) && name[0] is not ('J' or 'j') ? TimeSpan.Zero : null;
    }

    /// <summary>Parses <c>+hhmm</c>, <c>-hhmm</c>, <c>+hh:mm</c> or <c>+hh</c>; null when malformed or beyond ±14 h.</summary>
    public static TimeSpan? ParseNumericOffset(string token)
    {
        var sign = token[0] == '-' ? -1 : 1;
        var digits = token[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        if (digits.Length is not (2 or 4) || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        var (hours, minutes) = digits.Length == 2 ? (number, 0) : (number / 100, number % 100);
        return hours > 14 || minutes > 59 ? null : sign * new TimeSpan(hours, minutes, 0);
    }
}
