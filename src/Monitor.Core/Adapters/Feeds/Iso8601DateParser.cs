using System.Globalization;

namespace Monitor.Core.Adapters.Feeds;

/// <summary>
/// ISO 8601 dates as feeds write them: RFC 3339 and W3CDTF (<c>2003-12-13T18:30:02.25+01:00</c>), calendar, ordinal
/// (<c>2003-347</c>) and week (<c>2003-W50-6</c>) dates, extended or compact (<c>20031213T183002Z</c>), a space for
/// the <c>T</c>, a zone name after a space. No zone means UTC. Reduced precision (<c>2003</c>, <c>2003-12</c>) names no day: null, i.e. unknown.
/// </summary>
internal static class Iso8601DateParser
{
    /// <summary>The instant, or null when the text is not a complete ISO 8601 date.</summary>
    public static DateTimeOffset? Parse(ReadOnlySpan<char> text)
    {
        var split = text.IndexOfAny('T', 't', ' ');
        var datePart = split < 0 ? text : text[..split];
        if (ParseDate(datePart) is not { } date)
        {
            return null;
        }

        var time = TimeSpan.Zero;
        var offset = TimeSpan.Zero;
        if (split >= 0)
        {
            var rest = text[(split + 1)..].Trim();
            var space = rest.IndexOf(' ');
            var zoneAt = space > 0 ? space + 1 : rest.IndexOfAny("Zz+-");
            var timePart = zoneAt < 0 ? rest : rest[..zoneAt];
            var zone = zoneAt < 0 ? TimeSpan.Zero : ParseZone(rest[zoneAt..].Trim());
            if (ParseTime(timePart.TrimEnd()) is not { } t || zone is not { } z)
            {
                return null;
            }

            (time, offset) = (t, z);
        }

        var utcTicks = date.Ticks + time.Ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks
            ? null
            : new DateTimeOffset(date.Add(time), offset);
    }

    private static DateTime? ParseDate(ReadOnlySpan<char> text)
    {
        if (text.Length < 7 || !TryNumber(text[..4], out var year) || year < 1)
        {
            return null; // "2003" and anything shorter than a day
        }

        var rest = text[4..];
        var extended = rest[0] == '-';
        if (extended)
        {
            rest = rest[1..];
        }

        if (rest.Length > 0 && rest[0] == 'W')
        {
            return ParseWeekDate(year, rest[1..], extended);
        }

        return (rest.Length, extended) switch
        {
            (5, true) when rest[2] == '-' && TryNumber(rest[..2], out var m) && TryNumber(rest[3..], out var d) => Calendar(year, m, d),
            (4, false) when TryNumber(rest[..2], out var m) && TryNumber(rest[2..], out var d) => Calendar(year, m, d),
            (3, _) when TryNumber(rest, out var ordinal) && ordinal >= 1 && ordinal <= (DateTime.IsLeapYear(year) ? 366 : 365)
                => new DateTime(year, 1, 1).AddDays(ordinal - 1),
            _ => null, // includes "2003-12": reduced precision
        };
    }

    private static DateTime? ParseWeekDate(int year, ReadOnlySpan<char> rest, bool extended)
    {
        var expected = extended ? 4 : 3;
        if (rest.Length != expected || (extended && rest[2] != '-')
            || !TryNumber(rest[..2], out var week) || !TryNumber(rest[^1..], out var weekday)
            || week < 1 || week > ISOWeek.GetWeeksInYear(year) || weekday is < 1 or > 7 || year > 9998)
        {
            return null;
        }

        return ISOWeek.ToDateTime(year, week, weekday == 7 ? DayOfWeek.Sunday : (DayOfWeek)weekday);
    }

    private static DateTime? Calendar(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateTime(year, month, day) : null;

    // hh:mm[:ss[.fff]] or hhmm[ss[.fff]]; a leap second 60 is read as 59.
    private static TimeSpan? ParseTime(ReadOnlySpan<char> text)
    {
        var dot = text.IndexOfAny('.', ',');
        var fraction = dot < 0 ? ReadOnlySpan<char>.Empty : text[(dot + 1)..];
        var clock = dot < 0 ? text : text[..dot];
        Span<int> parts = stackalloc int[3];
        var count = 0;
        var extended = clock.Contains(':');
        while (clock.Length > 0 && count < 3)
        {
            if (clock.Length < 2 || !TryNumber(clock[..2], out parts[count++])) return null;
            clock = clock[2..];
            if (extended && clock.Length > 0)
            {
                if (clock[0] != ':') return null;
                clock = clock[1..];
            }
        }

        if (clock.Length > 0 || count < 2 || parts[0] > 23 || parts[1] > 59 || parts[2] > 60
            || (fraction.Length > 0 && (count < 3 || !TryNumber(fraction, out _))))
        {
            return null;
        }

        var ticks = 0L;
        for (var i = 0; i < 7; i++)
        {
            ticks = ticks * 10 + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        return new TimeSpan(parts[0], parts[1], Math.Min(parts[2], 59)).Add(TimeSpan.FromTicks(ticks));
    }

    // "Z", "+02:00", "+0200", "+02"; after a space also a zone name ("2024-05-01 10:00:00 GMT"), as some CMSs write.
    private static TimeSpan? ParseZone(ReadOnlySpan<char> text) => text switch
    {
        "Z" or "z" => TimeSpan.Zero,
        [('+' or '-'), ..] => Rfc822Zones.ParseNumericOffset(text),
        _ => Rfc822Zones.Offset(text.ToString()),
    };

    private static bool TryNumber(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
