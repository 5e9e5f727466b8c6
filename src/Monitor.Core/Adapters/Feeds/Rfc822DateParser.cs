using System.Globalization;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// RFC 822/1123/2822 dates and their real-world variants: missing or wrong weekday (the date wins), single-digit
/// days, full month names, missing seconds or time, two- and three-digit years, AM/PM, named, military and
/// <c>GMT±hh:mm</c> zones. A word after the time that is not a known zone makes the date unknown.
/// </summary>
internal static class Rfc822DateParser
{
    private static readonly char[] Separators = [' ', ',', '\t', '\r', '\n'];

    /// <summary>The instant, or null when the text is not such a date.</summary>
    public static DateTimeOffset? Parse(string value)
    {
        int? day = null, month = null, year = null;
        TimeSpan time = TimeSpan.Zero;
        TimeSpan? offset = null;
        var seenTime = false;
        foreach (var token in value.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Contains(':', StringComparison.Ordinal) && !seenTime && char.IsAsciiDigit(token[0]))
            {
                if (!TryParseTime(token, out time, out var attachedZone)) return null;
                seenTime = true;
                offset = attachedZone ?? offset;
            }
            else if (char.IsAsciiDigit(token[0]))
            {
                if (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number)) return null;
                if (token.Length >= 3 || day is not null) year ??= ExpandYear(number, token.Length);
                else day = number;
            }
            else if (token[0] is '+' or '-')
            {
                offset = Rfc822Zones.ParseNumericOffset(token);
                if (offset is null) return null;
            }
            else if (seenTime && token.ToUpperInvariant() is "AM" or "PM" && time.Hours is >= 1 and <= 12)
            {
                time = time.Add(TimeSpan.FromHours((token.ToUpperInvariant() == "PM" ? 12 : 0) - (time.Hours == 12 ? 12 : 0)));
            }
            else if (!seenTime && RfcNames.Month(token) is { } m)
            {
                month = m;
            }
            else if (!seenTime && RfcNames.IsWeekday(token))
            {
                // Ignored: often wrong, and redundant with the date.
            }
            else if (seenTime && Rfc822Zones.Offset(token) is { } zone)
            {
                offset = zone;
            }
            else
            {
                // An unknown word, or a zone name this parser does not know: reading it as UTC would be a guess.
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

        var local = new DateTime(y, m, d).Add(time);
        var utcTicks = local.Ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks ? null : new DateTimeOffset(local, offset);
    }

    // RFC 2822 §4.3: a two-digit year 00-49 is 2000-2049, 50-99 is 1950-1999; a three-digit year is 1900 + it.
    private static int ExpandYear(int number, int digits) => digits switch
    {
        <= 2 => number < 50 ? 2000 + number : 1900 + number,
        3 => 1900 + number,
        _ => number,
    };

    private static bool TryParseTime(string token, out TimeSpan time, out TimeSpan? zone)
    {
        time = TimeSpan.Zero;
        zone = null;
        var end = token.IndexOfAny(['+', '-', 'Z', 'z']);
        if (end > 0)
        {
            zone = end < token.Length - 1 ? Rfc822Zones.ParseNumericOffset(token.AsSpan(end)) : TimeSpan.Zero;
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
}
