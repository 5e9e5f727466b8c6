using System.Globalization;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// Reads the dates feeds actually contain: RFC 3339 / ISO 8601 (Atom, JSON Feed, <c>dc:date</c>) and RFC 822 as
/// RSS 2.0 prescribes it plus its real-world variants (missing or wrong weekday, single-digit days, full month
/// names, missing seconds or time, two-digit years, named and military zones, comments). Never throws.
/// </summary>
internal static class FeedDateParser
{
    private static readonly char[] Separators = [' ', ',', '\t', '\r', '\n'];

    /// <summary>Parses <paramref name="text"/>, or returns null when it is missing or not a date.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var value = StripComments(text).Trim();
        return value.Length >= 10 && char.IsAsciiDigit(value[0]) && value[4] == '-'
            ? ParseIso8601(value)
            : ParseRfc822(value);
    }

    private static DateTimeOffset? ParseIso8601(string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var date)
            ? date
            : null;

    private static DateTimeOffset? ParseRfc822(string value)
    {
        int? day = null, month = null, year = null;
        TimeSpan time = TimeSpan.Zero;
        TimeSpan? offset = null;
        var seenTime = false;
        foreach (var token in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Contains(':', StringComparison.Ordinal) && !seenTime)
            {
                if (!TryParseTime(token, out time, out var attachedZone)) return null;
                seenTime = true;
                offset = attachedZone ?? offset;
            }
            else if (char.IsAsciiDigit(token[0]))
            {
                if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
                if (token.Length == 4 || day is not null) year ??= ExpandYear(number, token.Length);
                else day = number;
            }
            else if (token[0] is '+' or '-')
            {
                offset = Rfc822Zones.ParseNumericOffset(token);
                if (offset is null) return null;
            }
            else if (RfcNames.Month(token) is { } m)
            {
                month = m;
            }
            else if (RfcNames.IsWeekday(token))
            {
                // Ignored: often wrong, and redundant with the date.
            }
            else if (Rfc822Zones.Offset(token) is { } zone)
            {
                offset = zone;
            }
            else if (!seenTime)
            {
                return null;
            }
        }

        return Compose(year, month, day, time, offset ?? TimeSpan.Zero);
    }

    private static DateTimeOffset? Compose(int? year, int? month, int? day, TimeSpan time, TimeSpan offset)
    {
        if (year is not { } y || month is not { } m || day is not { } d
            || y is < 1 or > 9999 || d < 1 || d > DateTime.DaysInMonth(y, m) || time >= TimeSpan.FromDays(1))
        {
            return null;
        }

        return new DateTimeOffset(new DateTime(y, m, d).Add(time), offset);
    }

    // RFC 2822 §4.3: two-digit years 00-49 are 2000-2049, 50-99 are 1950-1999.
    private static int ExpandYear(int number, int digits) =>
        digits > 2 ? number : number < 50 ? 2000 + number : 1900 + number;

    private static bool TryParseTime(string token, out TimeSpan time, out TimeSpan? zone)
    {
        time = TimeSpan.Zero;
        zone = null;
        var end = token.IndexOfAny(['+', '-', 'Z', 'z']);
        if (end > 0)
        {
            zone = end < token.Length - 1 ? Rfc822Zones.ParseNumericOffset(token[end..]) : TimeSpan.Zero;
            if (zone is null) return false;
            token = token[..end];
        }

        var parts = token.Split(':');
        if (parts.Length is < 2 or > 3) return false;
        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = i == 2 ? parts[i].Split('.')[0] : parts[i];
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
        }

        if (numbers[0] > 23 || numbers[1] > 59 || numbers[2] > 60) return false;
        time = new TimeSpan(numbers[0], numbers[1], Math.Min(numbers[2], 59));
        return true;
    }

    private static string StripComments(string value)
    {
        var open = value.IndexOf('(', StringComparison.Ordinal);
        return open < 0 ? value : value[..open];
    }
}
