using System.Globalization;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// Time-zone designators of RFC 822/1123/2822 dates, the named zones feeds use anyway, and <c>GMT±hh[:mm]</c>.
/// A name not listed here is not guessed: the caller treats the whole date as unknown.
/// </summary>
internal static class Rfc822Zones
{
    private static readonly Dictionary<string, int> MinutesByName = new(StringComparer.OrdinalIgnoreCase)
    {
        // RFC 822 §5.1 (and RFC 2822 §4.3's obsolete zones)
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0,
        ["EST"] = -5 * 60, ["EDT"] = -4 * 60, ["CST"] = -6 * 60, ["CDT"] = -5 * 60,
        ["MST"] = -7 * 60, ["MDT"] = -6 * 60, ["PST"] = -8 * 60, ["PDT"] = -7 * 60,
        // North America beyond RFC 822; the bare AT/ET/CT/MT/PT (no season given) are read as standard time.
        ["AST"] = -4 * 60, ["ADT"] = -3 * 60, ["AT"] = -4 * 60, ["ET"] = -5 * 60, ["CT"] = -6 * 60,
        ["MT"] = -7 * 60, ["PT"] = -8 * 60, ["NST"] = -(3 * 60 + 30), ["NDT"] = -(2 * 60 + 30),
        ["AKST"] = -9 * 60, ["AKDT"] = -8 * 60, ["HST"] = -10 * 60,
        // Europe and Africa
        ["WET"] = 0, ["WEST"] = 60, ["BST"] = 60, ["IST"] = 5 * 60 + 30,
        ["CET"] = 60, ["CEST"] = 2 * 60, ["MET"] = 60, ["MEST"] = 2 * 60, ["MEZ"] = 60, ["MESZ"] = 2 * 60,
        ["EET"] = 2 * 60, ["EEST"] = 3 * 60, ["MSK"] = 3 * 60, ["TRT"] = 3 * 60,
        ["WAT"] = 60, ["CAT"] = 2 * 60, ["SAST"] = 2 * 60, ["EAT"] = 3 * 60,
        // Asia and Oceania
        ["PKT"] = 5 * 60, ["ICT"] = 7 * 60, ["WIB"] = 7 * 60, ["HKT"] = 8 * 60, ["SGT"] = 8 * 60, ["PHT"] = 8 * 60,
        ["AWST"] = 8 * 60, ["JST"] = 9 * 60, ["KST"] = 9 * 60, ["ACST"] = 9 * 60 + 30, ["ACDT"] = 10 * 60 + 30,
        ["AEST"] = 10 * 60, ["AEDT"] = 11 * 60, ["NZST"] = 12 * 60, ["NZDT"] = 13 * 60,
    };

    /// <summary>
    /// Offset of a named zone or of <c>GMT±hh[:mm]</c> / <c>UTC±hh[:mm]</c>; null when unknown. IST is India Standard
    /// Time (+05:30), not Irish or Israel time. Military letters other than Z are read as UTC: RFC 822 got their
    /// signs backwards, so RFC 2822 §4.3 says to treat them as "-0000" (UTC, offset unknown).
    /// </summary>
    public static TimeSpan? Offset(string name)
    {
        if (MinutesByName.TryGetValue(name, out var minutes))
        {
            return TimeSpan.FromMinutes(minutes);
        }

        if (name.Length > 4 && name[3] is '+' or '-'
            && (name.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || name.StartsWith("UTC", StringComparison.OrdinalIgnoreCase)))
        {
            return ParseNumericOffset(name.AsSpan(3), allowSingleDigitHour: true);
        }

        return name.Length == 1 && char.IsAsciiLetter(name[0]) && name[0] is not ('J' or 'j') ? TimeSpan.Zero : null;
    }

    /// <summary>
    /// Parses <c>+hhmm</c>, <c>-hhmm</c>, <c>+hh:mm</c> or <c>+hh</c> (and <c>+h</c>, <c>+h:mm</c> when
    /// <paramref name="allowSingleDigitHour"/>); null when malformed or beyond ±14 h.
    /// </summary>
    public static TimeSpan? ParseNumericOffset(ReadOnlySpan<char> token, bool allowSingleDigitHour = false)
    {
        if (token.Length < 2 || token[0] is not ('+' or '-'))
        {
            return null;
        }

        var sign = token[0] == '-' ? -1 : 1;
        var body = token[1..];
        var colon = body.IndexOf(':');
        var hourLength = colon >= 0 ? colon : body.Length == 4 ? 2 : body.Length;
        var minuteText = colon >= 0 ? body[(colon + 1)..] : body.Length == 4 ? body[2..] : "00";
        if (hourLength is not (1 or 2) || (hourLength == 1 && !allowSingleDigitHour) || minuteText.Length != 2
            || !int.TryParse(body[..hourLength], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(minuteText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes))
        {
            return null;
        }

        return hours > 14 || minutes > 59 ? null : sign * new TimeSpan(hours, minutes, 0);
    }
}
